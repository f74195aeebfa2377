"""What the spaCy pipeline (:mod:`nghiquyet.engine.nlp`) finds, declared.

-------------------------------------------------------------------------------
A BLOCK TO MOVE: the mention kinds belong next to the components that write them
(``nq_numbers``, ``nq_people``) and the lexicon categories next to the lexicon
(rules/lexicons/vi.yaml is data; its categories are declared here, and
tests/test_vocabulary.py keeps the two lists equal).
-------------------------------------------------------------------------------
"""

from __future__ import annotations

from .vocabulary import declare

# Spans of nq_numbers and nq_people (doc.spans "dates", "numbers", "persons").
declare(
    "mention",
    {
        "date": {
            "vi": "ngày, tháng, quý, năm hoặc thời hạn (giá trị dạng ISO)",
            "en": "a date or deadline: day, month, quarter, year (ISO-like value)",
        },
        "percent": {"vi": "tỷ lệ phần trăm («95%»)", "en": "a percentage ('95%')"},
        "quantity": {
            "vi": "số có đơn vị («120 hộ») hoặc số trên tổng («97/412 hộ»)",
            "en": "a number with a unit ('120 hộ') or a count out of a total ('97/412 hộ')",
        },
        "duration": {
            "vi": "một khoảng thời gian («8 tuần»), không phải thời hạn",
            "en": "a length of time ('8 tuần'), not a deadline",
        },
        "person": {
            "vi": "người được gọi tên kèm danh xưng («đồng chí Nguyễn Văn A»)",
            "en": "a person named with a title ('đồng chí Nguyễn Văn A')",
        },
    },
)

# The categories of rules/lexicons/vi.yaml (nq_lexicon's labels).
declare(
    "lexicon",
    {
        "slogan": {
            "vi": "động từ, cụm từ khẩu hiệu («tăng cường», «nâng cao»)",
            "en": "slogan verbs and phrases ('tăng cường', 'nâng cao')",
        },
        "vague_goal": {
            "vi": "lời mục tiêu không đo được nếu thiếu con số («góp phần»)",
            "en": "goal wording that measures nothing without a figure ('góp phần')",
        },
        "vague_owner": {
            "vi": "người thực hiện không chỉ rõ ai («các đồng chí đảng viên»)",
            "en": "owners that name nobody in particular ('các đồng chí đảng viên')",
        },
        "vague_time": {
            "vi": "thời gian không phải thời hạn («thường xuyên», «kịp thời»)",
            "en": "times that are no deadline ('thường xuyên', 'kịp thời')",
        },
        "frequency": {
            "vi": "tần suất («hằng tháng», «mỗi quý»)",
            "en": "a frequency ('hằng tháng', 'mỗi quý')",
        },
        "role": {
            "vi": "chức danh, tổ chức có thể chủ trì một việc («Bí thư», «Chi đoàn»)",
            "en": "roles and specific bodies that can own a task ('Bí thư', 'Chi đoàn')",
        },
        "action_verb": {
            "vi": "động từ chỉ việc làm kiểm tra được («tổ chức», «lắp đặt»)",
            "en": "verbs of work one can check was done ('tổ chức', 'lắp đặt')",
        },
        "remedy": {
            "vi": "lời nêu cách tháo gỡ («tháo gỡ», «khắc phục»)",
            "en": "words of a remedy to an obstacle ('tháo gỡ', 'khắc phục')",
        },
        "remedy_action": {
            "vi": "động từ mở đầu cách xử lý sau dấu hai chấm («đề nghị», «duy trì»)",
            "en": "verbs that open a remedy after a colon ('đề nghị', 'duy trì')",
        },
        "generic_obstacle": {
            "vi": "khó khăn chung chung, dán vào nghị quyết nào cũng được",
            "en": "stock obstacles that fit any resolution",
        },
        "limitation": {
            "vi": "lời nêu hạn chế («mới có», «còn», «chưa»)",
            "en": "words of a limitation ('mới có', 'còn', 'chưa')",
        },
        "cause": {"vi": "lời nêu nguyên nhân («do», «vì»)", "en": "words of a cause ('do', 'vì')"},
        "cause_subjective": {
            "vi": "nguyên nhân chủ quan",
            "en": "a subjective cause ('chủ quan')",
        },
        "cause_objective": {
            "vi": "nguyên nhân khách quan",
            "en": "an objective cause ('khách quan')",
        },
        "stock_cause": {
            "vi": "câu sáo nói có nguyên nhân mà không nêu nguyên nhân nào («có cả khách quan "
            "và chủ quan»)",
            "en": "the formula that causes exist without naming one ('có cả khách quan và chủ "
            "quan')",
        },
        "praise": {
            "vi": "lời khen chung chung («đạt nhiều kết quả»)",
            "en": "general praise ('đạt nhiều kết quả')",
        },
        "urgency": {
            "vi": "lời nói vì sao cấp bách («bức xúc», «kéo dài»)",
            "en": "words of why now ('bức xúc', 'kéo dài')",
        },
        "topic_kind": {
            "vi": "bốn loại chủ đề của bước 1 («nhiệm vụ trọng tâm», «nhân tố mới»)",
            "en": "the four kinds of topic of step 1 ('nhiệm vụ trọng tâm', 'nhân tố mới')",
        },
        "national_slogan": {
            "vi": "lời chủ đề lấy từ khẩu hiệu chung («xây dựng Đảng»)",
            "en": "topic wording lifted from national campaigns ('xây dựng Đảng')",
        },
        "superior": {
            "vi": "cấp ủy cấp trên («đảng ủy xã»)",
            "en": "a superior party body ('đảng ủy xã')",
        },
        "budget": {
            "vi": "kinh phí, nguồn lực («kinh phí», «triệu đồng»)",
            "en": "money and resources ('kinh phí', 'triệu đồng')",
        },
        "place": {
            "vi": "từ chỉ nơi chốn («xóm», «kênh», «nhà văn hóa»)",
            "en": "place words ('xóm', 'kênh', 'nhà văn hóa')",
        },
        "absolute_target": {
            "vi": "chỉ tiêu tuyệt đối không cần con số («không còn», «toàn bộ»)",
            "en": "exact targets without a figure: zero or all ('không còn', 'toàn bộ')",
        },
        "stock_target": {
            "vi": "chỉ tiêu sáo rỗng nghị quyết nào cũng có («giữ vững danh hiệu»)",
            "en": "stock targets every resolution repeats ('giữ vững danh hiệu')",
        },
        "empty_remedy": {
            "vi": "cách tháo gỡ không nêu việc làm («tập trung khắc phục»)",
            "en": "remedies that name no action ('tập trung khắc phục')",
        },
    },
)
