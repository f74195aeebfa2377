"""What the analysis stage (:mod:`nghiquyet.engine.analyse`) produces, declared.

-------------------------------------------------------------------------------
A BLOCK TO MOVE: each ``declare(...)`` below belongs in the module of
engine/analyse/ that produces its names, as the comment above it says (the header
signals in ``header.py``, the task checks in ``tasks.py``, ...). Move each call
there and list those modules in
:data:`nghiquyet.engine.vocabulary.DECLARING_MODULES` instead of this one; the
tests in tests/test_vocabulary.py hold whichever layout to what the golden files
show the analysis produces.
-------------------------------------------------------------------------------

A signal whose meaning starts with "block of" holds a 1-based block number (or
``None``): a rule can point a finding at it (``point_to``).
"""

from __future__ import annotations

from .vocabulary import declare

# analyse/structure.py (the Structure), set in analyse/__init__.py: the title and the topic.
declare(
    "signal",
    {
        "title_block": {
            "vi": "khối dòng tên loại «NGHỊ QUYẾT»",
            "en": "block of the kind line 'NGHỊ QUYẾT' (the title)",
        },
        "topic_block": {
            "vi": "khối dòng trích yếu «về ...» (chủ đề)",
            "en": "block of the summary line 'về ...' (the topic)",
        },
        "topic": {
            "vi": "chữ của chủ đề, từ chữ «về» trở đi",
            "en": "text of the topic, from 'về' on",
        },
    },
)

# analyse/header.py: the form of the document (Hướng dẫn 36).
declare(
    "signal",
    {
        "party_header": {
            "vi": "khối dòng «ĐẢNG CỘNG SẢN VIỆT NAM» ở phần đầu",
            "en": "block of 'ĐẢNG CỘNG SẢN VIỆT NAM' in the header",
        },
        "issuer": {
            "vi": "khối tên chi bộ ban hành («CHI BỘ ...»)",
            "en": "block naming the issuing cell ('CHI BỘ ...')",
        },
        "superior": {
            "vi": "khối tên cấp ủy cấp trên («ĐẢNG BỘ ...», «ĐẢNG ỦY ...»)",
            "en": "block naming the superior party organisation ('ĐẢNG BỘ ...')",
        },
        "number": {
            "vi": "khối số và ký hiệu («Số 03-NQ/CB»; văn bản đã thông qua phải có số)",
            "en": "block of the number and symbol ('Số 03-NQ/CB'; an adopted text needs the number)",
        },
        "number_blank": {
            "vi": "số để trống chờ ký («Số    -NQ/CB»), như dự thảo được phép",
            "en": "whether the number is left blank ('Số    -NQ/CB'), as a draft may",
        },
        "number_like": {
            "vi": "khối đầu tiên ở phần đầu bắt đầu bằng «Số», dù viết sai",
            "en": "block of the first header line opening with 'Số', even malformed",
        },
        "date_line": {
            "vi": "khối dòng địa danh, ngày tháng («..., ngày 05 tháng 3 năm 2026»)",
            "en": "block of the place-and-date line ('..., ngày 05 tháng 3 năm 2026')",
        },
        "date_line_zero_slip": {
            "vi": "dòng ngày tháng thiếu hoặc thừa số 0 (ngày 05, tháng 02, nhưng tháng 3)",
            "en": "whether the date line misses or adds a leading zero (05, 02, but 3)",
        },
        "document_year": {
            "vi": "năm của văn bản: năm ở dòng ngày tháng, không có thì năm được nêu nhiều nhất",
            "en": "the document's year: the date line's, else the year most dates name",
        },
        "draft_mark": {
            "vi": "khối ghi «DỰ THẢO» ở phần đầu",
            "en": "block of the 'DỰ THẢO' mark in the header",
        },
        "signature_tm": {
            "vi": "khối «T/M CHI BỘ» (hoặc K/T, T/L) của phần chữ ký",
            "en": "block of 'T/M CHI BỘ' (or K/T, T/L) in the signature",
        },
        "signature_title": {
            "vi": "khối chức vụ người ký («BÍ THƯ», «PHÓ BÍ THƯ»)",
            "en": "block of the signer's title ('BÍ THƯ', 'PHÓ BÍ THƯ')",
        },
        "signature_name": {
            "vi": "khối họ tên người ký",
            "en": "block of the signer's name",
        },
        "recipients": {
            "vi": "khối «Nơi nhận:»",
            "en": "block of 'Nơi nhận:' (the recipients)",
        },
        "fonts": {
            "vi": "các phông chữ dùng nhiều nhất trong tệp .docx, .odt (tên -> số ký tự)",
            "en": "the fonts used most in a .docx or .odt file (name -> characters)",
        },
        "body_size": {
            "vi": "cỡ chữ phổ biến nhất của phần thân, tính bằng pt",
            "en": "the most common font size of the body, in points",
        },
    },
)

# analyse/procedure.py: the chi ủy's review, the way to the meeting, the vote.
declare(
    "signal",
    {
        "chiuy_review": {
            "vi": "khối câu ghi nhận Chi ủy đã thảo luận, thống nhất dự thảo",
            "en": "block of a sentence recording the chi ủy's review of the draft",
        },
        "vote_record": {
            "vi": "khối câu ghi kết quả biểu quyết có số người hoặc tỷ lệ",
            "en": "block of a sentence recording the vote with a count or a percentage",
        },
        "discussion": {
            "vi": "khối câu đầu tiên nói tới việc thảo luận",
            "en": "block of the first sentence that mentions a discussion",
        },
        "meeting_plan": {
            "vi": "khối câu nói dự thảo được gửi, trình chi bộ thảo luận, biểu quyết",
            "en": "block saying how the draft goes to the cell to study, discuss and vote",
        },
        "adoption_clause": {
            "vi": "khối câu chỉ văn bản đã ký mới có («có hiệu lực kể từ ngày ký», «quyết nghị»)",
            "en": "block of a clause only a signed text has ('có hiệu lực kể từ ngày ký')",
        },
    },
)

# analyse/follow_up.py: reviews, monitoring, reports upward.
declare(
    "signal",
    {
        "interim_review": {
            "vi": "khối đầu tiên nhắc tới sơ kết",
            "en": "block of the first mention of the interim review (sơ kết)",
        },
        "interim_review_dated": {
            "vi": "khối đầu tiên cho sơ kết một mốc thời gian",
            "en": "block of the first interim review given a date",
        },
        "final_review": {
            "vi": "khối đầu tiên nhắc tới tổng kết",
            "en": "block of the first mention of the final review (tổng kết)",
        },
        "final_review_dated": {
            "vi": "khối đầu tiên cho tổng kết một mốc thời gian",
            "en": "block of the first final review given a date",
        },
        "monitoring": {
            "vi": "khối đầu tiên nói tới kiểm tra, giám sát việc thực hiện nghị quyết",
            "en": "block of the first plan to monitor the resolution's implementation",
        },
        "monitoring_frequency": {
            "vi": "khối đầu tiên cho việc kiểm tra, giám sát một tần suất hoặc mốc",
            "en": "block of the first monitoring given a frequency or a date",
        },
        "reporting": {
            "vi": "khối đầu tiên nói tới chế độ báo cáo",
            "en": "block of the first mention of reporting (báo cáo)",
        },
        "reporting_superior": {
            "vi": "khối đầu tiên nói báo cáo lên cấp ủy cấp trên",
            "en": "block of the first report addressed to a superior body",
        },
    },
)

# analyse/tasks.py (first_assigned_task), set in analyse/__init__.py.
declare(
    "signal",
    {
        "task_assigned": {
            "vi": "khối nhiệm vụ được phân công đầu tiên của phần tổ chức thực hiện",
            "en": "block of the first assigned task of the implementation part",
        },
    },
)

# analyse/structure.py: every block belongs to one of these parts.
declare(
    "section",
    {
        "header": {
            "vi": "phần đầu trên tên loại: tiêu đề Đảng, tên chi bộ, số, ngày tháng",
            "en": "lines above the title: party header, issuer, number, date line",
        },
        "title": {
            "vi": "tên loại «NGHỊ QUYẾT» và trích yếu «về ...»",
            "en": "the kind 'NGHỊ QUYẾT' and the summary line 'về ...'",
        },
        "bases": {
            "vi": "căn cứ (văn bản của cấp trên, điều lệ)",
            "en": "legal and higher-level bases ('Căn cứ ...')",
        },
        "preamble": {
            "vi": "đoạn mở đầu trước phần thứ nhất, không phải căn cứ",
            "en": "text before the first part that is no basis",
        },
        "situation": {
            "vi": "tình hình, thực trạng: kết quả, hạn chế, nguyên nhân",
            "en": "situation: results, limitations, causes ('Tình hình, thực trạng')",
        },
        "objectives": {
            "vi": "mục đích, yêu cầu, mục tiêu, chỉ tiêu",
            "en": "purpose, requirements, goals and targets ('Mục tiêu, chỉ tiêu')",
        },
        "solutions": {
            "vi": "nhiệm vụ, giải pháp",
            "en": "tasks and solutions ('Nhiệm vụ, giải pháp')",
        },
        "obstacles": {
            "vi": "dự báo khó khăn, vướng mắc và cách tháo gỡ",
            "en": "forecast of obstacles and how to remove them ('Dự báo khó khăn, vướng mắc')",
        },
        "implementation": {
            "vi": "tổ chức thực hiện, phân công nhiệm vụ",
            "en": "organisation of implementation, assignments ('Tổ chức thực hiện')",
        },
        "review": {
            "vi": "kiểm tra, giám sát, sơ kết, tổng kết, chế độ báo cáo",
            "en": "monitoring, reviews and reporting ('Kiểm tra, giám sát, sơ kết, tổng kết')",
        },
        "other": {
            "vi": "một phần có tiêu đề không thuộc loại nào ở trên",
            "en": "a part whose heading names none of the kinds above",
        },
        "signature": {
            "vi": "phần chữ ký: «T/M CHI BỘ», chức vụ, họ tên",
            "en": "the signature block: 'T/M CHI BỘ', title, name",
        },
        "recipients": {
            "vi": "nơi nhận",
            "en": "the recipients list ('Nơi nhận:')",
        },
    },
)

# analyse/items.py: the blocks of a part that rules count, by the part (ITEM_SECTIONS).
declare(
    "item",
    {
        "target": {
            "vi": "một chỉ tiêu của phần mục tiêu",
            "en": "a target of the objectives part",
        },
        "solution": {
            "vi": "một giải pháp của phần nhiệm vụ, giải pháp",
            "en": "a solution of the solutions part",
        },
        "obstacle": {
            "vi": "một khó khăn dự báo (của phần dự báo, hoặc một đoạn dự báo lẻ)",
            "en": "a forecast obstacle (of the forecast part, or a stray forecast paragraph)",
        },
        "task": {
            "vi": "một nhiệm vụ được phân công (phần tổ chức thực hiện, trừ kế hoạch kiểm tra)",
            "en": "an assigned task (implementation part, without the review plan)",
        },
    },
)

# analyse/targets.py (classify_target): what a target has.
declare(
    "item_check",
    {
        "measurable": {
            "vi": "có con số (%, số lượng, chỉ tiêu tuyệt đối) hoặc một giới hạn («không quá 4 vụ»)",
            "en": "has a figure (%, quantity, zero or all) or a bound ('không quá 4 vụ')",
        },
        "dated": {
            "vi": "có mốc thời gian, của chính nó hoặc của tiêu đề, câu dẫn",
            "en": "has a date, its own or its heading's or introduction's",
        },
        "not_vague": {
            "vi": "đo được, hoặc không dùng từ mục tiêu mơ hồ («nâng cao», «góp phần»)",
            "en": "measurable, or free of vague goal words ('nâng cao', 'góp phần')",
        },
    },
    item="target",
)
# analyse/solutions.py (classify_solution).
declare(
    "item_check",
    {
        "concrete": {
            "vi": "có yếu tố đo được (số lượng, lịch, địa điểm, kinh phí) và việc làm cụ thể",
            "en": "a measured element (quantity, schedule, place, budget) and a checkable action",
        },
        "answers_cause": {
            "vi": "trùng ít nhất hai cặp từ với nguyên nhân đã nêu (chỉ khi có nêu nguyên nhân)",
            "en": "shares two word pairs with the stated causes (only when causes are stated)",
        },
    },
    item="solution",
)
# analyse/obstacles.py (classify_obstacle; items.py finds a remedy in the next paragraph).
declare(
    "item_check",
    {
        "has_remedy": {
            "vi": "có cách tháo gỡ trong cùng câu, sau dấu hai chấm hoặc ở đoạn ngay sau",
            "en": "has a remedy in its sentence, after its colon or in the next paragraph",
        },
        "specific": {
            "vi": "không phải khó khăn chung chung, và dài ít nhất 8 từ",
            "en": "no stock obstacle phrase, and eight words or more",
        },
    },
    item="obstacle",
)
# analyse/tasks.py: the task checks the assignment rules count.
declare(
    "item_check",
    {
        "has_owner": {
            "vi": "gọi tên người, chức danh hoặc tổ chức cụ thể chủ trì",
            "en": "names the person, post or specific body that leads it",
        },
        "has_deadline": {
            "vi": "có thời hạn, tần suất, hoặc mốc của câu dẫn",
            "en": "has a date, a frequency, or the date of its introduction",
        },
        "specific_owner": {
            "vi": "không giao cho tập thể chung chung («các đồng chí đảng viên»)",
            "en": "not given to a vague collective ('các đồng chí đảng viên')",
        },
        "specific_time": {
            "vi": "không dùng thời gian mơ hồ («thường xuyên», «kịp thời») thay thời hạn",
            "en": "no vague time ('thường xuyên', 'kịp thời') instead of a deadline",
        },
        "single_holder": {
            "vi": "người chủ trì là một người hoặc chức danh một người giữ, không phải tập thể",
            "en": "its owner is a person or a post one person holds, not a body",
        },
    },
    item="task",
)

# The details each item carries, for a finding to quote (params.detail).
declare(
    "item_detail",
    {
        "vague_terms": {
            "vi": "các từ mục tiêu mơ hồ trong chỉ tiêu",
            "en": "the vague goal words in the target",
        },
        "deadline": {
            "vi": "mốc của chỉ tiêu (dạng ISO), của chính nó hoặc được thừa hưởng",
            "en": "the target's date (ISO-like), its own or inherited",
        },
    },
    item="target",
)
declare(
    "item_detail",
    {
        "elements": {
            "vi": "các yếu tố cụ thể tìm thấy: quantity, schedule, owner, budget, place",
            "en": "the concrete elements found: quantity, schedule, owner, budget, place",
        },
        "slogans": {"vi": "các từ khẩu hiệu", "en": "the slogan cues"},
        "verbs": {"vi": "các động từ hành động", "en": "the action verbs"},
        "cause_words": {
            "vi": "các cặp từ trùng với nguyên nhân",
            "en": "the word pairs shared with the causes",
        },
    },
    item="solution",
)
declare(
    "item_detail",
    {
        "generic_terms": {
            "vi": "các cụm khó khăn chung chung",
            "en": "the stock obstacle phrases",
        },
        "remedy_block": {
            "vi": "khối của cách tháo gỡ khi nó ở đoạn ngay sau",
            "en": "block of the remedy when it is the next paragraph",
        },
    },
    item="obstacle",
)
declare(
    "item_detail",
    {
        "vague_owner": {
            "vi": "tập thể chung chung được giao việc («các đồng chí đảng viên»)",
            "en": "the vague collective the task is given to",
        },
        "vague_time": {
            "vi": "từ chỉ thời gian mơ hồ («thường xuyên»)",
            "en": "the vague time word ('thường xuyên')",
        },
        "owner": {
            "vi": "người, chức danh hoặc tổ chức chủ trì, như văn bản ghi",
            "en": "the owner as written: a person, a post or a body",
        },
    },
    item="task",
)
