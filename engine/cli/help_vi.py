"""The Vietnamese of ``--help``: every command's and option's help text, and the words
click itself prints ("Usage:", "Show this message and exit.", its usage errors).

Keys are the English texts as written in the decorators and docstrings, one
paragraph each (a docstring is translated paragraph by paragraph, so a paragraph
edited in English falls back to English alone; ``tests/test_messages.py`` says
which). See :mod:`nghiquyet.engine.messages`.
"""

from __future__ import annotations

VI: dict[str, str] = {
    # -- nghiquyet ---------------------------------------------------------------------
    "nghiquyet: checks a party cell's draft thematic resolution.": (
        "nghiquyet: kiểm tra dự thảo nghị quyết chuyên đề của chi bộ."
    ),
    # -- assess ------------------------------------------------------------------------
    "Score draft thematic resolutions and say what to fix.": (
        "Chấm điểm dự thảo nghị quyết chuyên đề và chỉ ra chỗ cần sửa."
    ),
    "PATH is a draft, or a folder searched for drafts in every format the loaders read "
    "(`nghiquyet plugins` lists them).": (
        "PATH là một dự thảo, hoặc một thư mục để tìm dự thảo ở mọi định dạng đọc được "
        "(`nghiquyet plugins` liệt kê các định dạng)."
    ),
    "Exit codes: 0 no error-level finding and every score ≥ --fail-under; 1 findings or a "
    "score below it; 2 usage, config or unreadable input.": (
        "Mã thoát: 0 không có phát hiện mức lỗi và mọi điểm ≥ --fail-under; 1 có phát hiện "
        "hoặc có điểm dưới ngưỡng đó; 2 sai cách dùng, lỗi cấu hình hoặc tệp không đọc được."
    ),
    "Output format: text, json, html, markdown, sarif, junit, github, concise, xlsx, csv "
    "(plugins add more); any case "
    "[default: from the -o suffix (.json, .html, .md, .sarif, .xml, .xlsx, .csv), else text].": (
        "Định dạng báo cáo: text, json, html, markdown, sarif, junit, github, concise, xlsx, "
        "csv (plugin có thể thêm); không phân biệt hoa thường [mặc định: theo đuôi tệp -o "
        "(.json, .html, .md, .sarif, .xml, .xlsx, .csv), nếu không thì text]."
    ),
    "Files and folders a folder's search skips: globs, comma-separated or repeated; replaces "
    "the defaults (README*, CHANGELOG*, LICENSE*, CONTRIBUTING*, docs, hidden files and "
    "folders, node_modules, venv).": (
        "Tệp và thư mục bỏ qua khi tìm dự thảo trong thư mục: mẫu glob, cách nhau bằng dấu "
        "phẩy hoặc lặp lại tùy chọn; thay cho mặc định (README*, CHANGELOG*, LICENSE*, "
        "CONTRIBUTING*, docs, tệp và thư mục ẩn, node_modules, venv)."
    ),
    "More globs to skip, added to the defaults or the config's exclude.": (
        "Thêm mẫu glob cần bỏ qua, cộng vào mặc định hoặc exclude trong tệp cấu hình."
    ),
    "Apply the excludes to files named on the command line too (pre-commit, editors).": (
        "Áp dụng cả exclude cho các tệp nêu trên dòng lệnh (pre-commit, trình soạn thảo)."
    ),
    "Name of the draft read from standard input (PATH '-'): shown in reports, matched by "
    "per_file_ignores; its suffix picks the format [default: .txt].": (
        "Tên của dự thảo đọc từ đầu vào chuẩn (PATH '-'): hiện trong báo cáo, dùng để khớp "
        "per_file_ignores; đuôi tệp quyết định định dạng [mặc định: .txt]."
    ),
    "Write the report to FILE instead of standard output.": (
        "Ghi báo cáo vào tệp FILE thay vì in ra đầu ra chuẩn."
    ),
    "Language of the report and messages [default: the config's lang, else en when LANG or "
    "LC_ALL starts with en, else vi].": (
        "Ngôn ngữ của báo cáo và thông báo [mặc định: lang trong tệp cấu hình, nếu không có "
        "thì en khi LANG hoặc LC_ALL bắt đầu bằng en, còn lại là vi]."
    ),
    "Judge as a draft, an adopted text, or detect it [default: auto].": (
        "Chấm như dự thảo (draft), văn bản đã thông qua (adopted), hay tự nhận biết "
        "[mặc định: auto]."
    ),
    "Only these rules: ids (NQ601), prefixes (NQ6), slugs or criteria; comma-separated or "
    "repeated.": (
        "Chỉ chạy các quy tắc này: mã (NQ601), đầu mã (NQ6), tên quy tắc hoặc tiêu chí; "
        "cách nhau bằng dấu phẩy hoặc lặp lại tùy chọn."
    ),
    "Skip these rules (same forms as --select).": (
        "Bỏ qua các quy tắc này (ghi như với --select)."
    ),
    "Exit 1 when a draft scores below N.": "Thoát với mã 1 khi có dự thảo dưới N điểm.",
    "Exit codes: 0 the gate passed; 1 a draft scored below --fail-under, or a finding "
    "reached --fail-on (default error, or never when --fail-under is set); 2 usage, config "
    "or unreadable input.": (
        "Mã thoát: 0 đạt ngưỡng; 1 có dự thảo dưới --fail-under, hoặc có phát hiện đạt mức "
        "--fail-on (mặc định error, hoặc never khi có --fail-under); 2 sai cách dùng, lỗi cấu "
        "hình hoặc tệp không đọc được."
    ),
    "Exit 1 when a draft scores below N; the score decides, unless --fail-on is given too.": (
        "Thoát với mã 1 khi có dự thảo dưới N điểm; khi đó điểm quyết định, trừ khi có thêm "
        "--fail-on."
    ),
    "Exit 1 on a finding of this severity or worse [default: error; never when --fail-under "
    "is set].": (
        "Thoát với mã 1 khi có phát hiện ở mức này hoặc nặng hơn [mặc định: error; never khi "
        "có --fail-under]."
    ),
    "Show and gate only findings not in this file (written by `nghiquyet baseline`).": (
        "Chỉ hiện và chỉ xét ngưỡng với các phát hiện chưa có trong tệp này (do `nghiquyet "
        "baseline` ghi)."
    ),
    "Exit 0 even with findings (unreadable input still exits 2).": (
        "Thoát với mã 0 kể cả khi có phát hiện (tệp không đọc được vẫn thoát với mã 2)."
    ),
    "Config file (default: NGHIQUYET_CONFIG, then nghiquyet.yaml found upward).": (
        "Tệp cấu hình (mặc định: NGHIQUYET_CONFIG, rồi nghiquyet.yaml tìm từ thư mục của "
        "dự thảo ngược lên)."
    ),
    "Worker processes for a batch [default: number of cores; 1 runs in-process].": (
        "Số tiến trình chấm song song cho một loạt dự thảo [mặc định: số lõi CPU; 1 là chấm "
        "ngay trong tiến trình này]."
    ),
    "Also write a copy of the .docx draft with each finding as a Word comment to FILE.": (
        "Ghi thêm vào FILE một bản sao của dự thảo .docx, mỗi phát hiện là một nhận xét "
        "(comment) của Word."
    ),
    "Print only the score line of each draft (text format).": (
        "Chỉ in dòng điểm của mỗi dự thảo (định dạng text)."
    ),
    "Reuse results of unchanged drafts (user cache folder, or NGHIQUYET_CACHE_DIR).": (
        "Dùng lại kết quả của dự thảo không đổi (thư mục lưu đệm của người dùng, hoặc "
        "NGHIQUYET_CACHE_DIR)."
    ),
    "Score a document even when it is not a thematic resolution (a report, a plan, text "
    "without diacritics).": (
        "Vẫn chấm điểm văn bản không phải nghị quyết chuyên đề (báo cáo, kế hoạch, văn bản "
        "gõ không dấu)."
    ),
    "Show tracebacks of internal errors.": "Hiện chi tiết (traceback) của lỗi nội bộ.",
    "Colour the text report and messages: auto (on a terminal, unless NO_COLOR; FORCE_COLOR "
    "forces it), always, never [default: auto].": (
        "Tô màu báo cáo dạng text và thông báo: auto (khi in ra terminal, trừ khi có "
        "NO_COLOR; FORCE_COLOR thì luôn tô), always (luôn), never (không) [mặc định: auto]."
    ),
    # -- rules, explain, plugins ---------------------------------------------------------
    "List every rule: id, slug, criterion, severity, weight.": (
        "Liệt kê mọi quy tắc: mã, tên, tiêu chí, mức độ, hệ số."
    ),
    "Output format.": "Định dạng đầu ra.",
    "Explain a rule (by id or slug): what, why, how to fix, what it reads, its options, the "
    "guidance it enforces, examples.": (
        "Giải thích một quy tắc (theo mã hoặc tên): kiểm tra gì, vì sao, cách sửa, dữ kiện "
        "đọc, tùy chọn, yêu cầu của hướng dẫn mà quy tắc thực hiện, ví dụ."
    ),
    "List loaded plugins, the hooks each implements and the formats each reads.": (
        "Liệt kê các plugin đã nạp, các hook mỗi plugin cài đặt và các định dạng mỗi plugin "
        "đọc được."
    ),
    # -- cache -----------------------------------------------------------------------------
    "Show where results of unchanged drafts are kept and how much room they take.": (
        "Cho biết kết quả của các dự thảo không đổi được lưu ở đâu và chiếm bao nhiêu chỗ."
    ),
    "The cache prunes itself (entries unused for 30 days, then the least recently used "
    "above 256 MB); --clear empties it now.": (
        "Bộ nhớ đệm tự dọn (các mục 30 ngày không dùng, rồi các mục lâu không dùng nhất khi "
        "vượt quá 256 MB); --clear xóa hết ngay."
    ),
    "Remove every stored result and parsed rule file.": (
        "Xóa mọi kết quả đã lưu và tệp luật đã phân tích."
    ),
    # -- init, template --------------------------------------------------------------------
    "Write a commented configuration file.": "Ghi một tệp cấu hình có chú thích.",
    "File to write.": "Tệp sẽ ghi.",
    "Overwrite an existing file.": "Ghi đè tệp đã có.",
    "Write a skeleton draft that follows the five steps and Hướng dẫn 36.": (
        "Ghi một dự thảo khung theo năm bước xây dựng nghị quyết và Hướng dẫn 36."
    ),
    "Every part to fill is marked «[… …]»; `assess` flags any left (NQ002).": (
        "Mỗi chỗ cần điền được đánh dấu «[… …]»; `assess` báo mọi chỗ còn sót (NQ002)."
    ),
    "File to write: .docx (Word), or .md for Markdown.": (
        "Tệp sẽ ghi: .docx (Word), hoặc .md cho Markdown."
    ),
    'The issuing cell, e.g. "Chi bộ thôn Đông Lộc".': (
        'Chi bộ ban hành, ví dụ "Chi bộ thôn Đông Lộc".'
    ),
    'The topic, e.g. "phân loại rác thải tại thôn Đông Lộc, năm 2026".': (
        'Chủ đề, ví dụ "phân loại rác thải tại thôn Đông Lộc, năm 2026".'
    ),
    'The superior party organisation, e.g. "Đảng bộ xã Hòa Thạnh".': (
        'Tổ chức đảng cấp trên, ví dụ "Đảng bộ xã Hòa Thạnh".'
    ),
    'The place in the date line, e.g. "Hòa Thạnh".': (
        'Địa danh ở dòng ngày tháng, ví dụ "Hòa Thạnh".'
    ),
    # -- compare ---------------------------------------------------------------------------
    "Compare two versions of a draft: score change per criterion, findings fixed and new.": (
        "So sánh hai bản của một dự thảo: điểm thay đổi theo từng tiêu chí, phát hiện đã "
        "khắc phục và phát hiện mới."
    ),
    "Exit codes: 0 compared; 2 usage, config or unreadable input.": (
        "Mã thoát: 0 đã so sánh; 2 sai cách dùng, lỗi cấu hình hoặc tệp không đọc được."
    ),
    "Write to FILE, not standard output.": "Ghi vào tệp FILE thay vì đầu ra chuẩn.",
    "Judge both as draft, adopted or detect [default: auto].": (
        "Chấm cả hai bản như dự thảo (draft), văn bản đã thông qua (adopted), hay tự nhận "
        "biết [mặc định: auto]."
    ),
    "Config file (as for assess).": "Tệp cấu hình (như với assess).",
    "Judge as draft, adopted or detect [default: auto].": (
        "Chấm như dự thảo (draft), văn bản đã thông qua (adopted), hay tự nhận biết "
        "[mặc định: auto]."
    ),
    # -- review ----------------------------------------------------------------------------
    "Hold a progress report (sơ kết, tổng kết) against the resolution it reviews: each "
    "target met, not met, mentioned or not reported; each task done, in progress, "
    "mentioned or not reported; with the sentence of the report that shows it.": (
        "Đối chiếu báo cáo sơ kết, tổng kết với nghị quyết mà nó đánh giá: từng chỉ tiêu đạt, "
        "chưa đạt, có nêu hay không nêu; từng nhiệm vụ hoàn thành, đang thực hiện, có nêu hay "
        "không nêu; kèm câu trong báo cáo cho thấy điều đó."
    ),
    "RESOLUTION and REPORT are .docx, .odt, .md or .txt files.": (
        "RESOLUTION (nghị quyết) và REPORT (báo cáo) là tệp .docx, .odt, .md hoặc .txt."
    ),
    "Exit codes: 0 reviewed; 2 usage, config or unreadable input.": (
        "Mã thoát: 0 đã đối chiếu; 2 sai cách dùng, lỗi cấu hình hoặc tệp không đọc được."
    ),
    "Output format [default: from the -o suffix (.json, .md, .html), else text].": (
        "Định dạng kết quả [mặc định: theo đuôi tệp -o (.json, .md, .html), nếu không thì text]."
    ),
    "Write to FILE, not standard output (never over an input; - is standard output).": (
        "Ghi vào tệp FILE thay vì ra màn hình (không bao giờ ghi đè tệp đầu vào; - là màn hình)."
    ),
    # -- baseline --------------------------------------------------------------------------
    "Record today's findings, for `assess --baseline`.": (
        "Ghi lại các phát hiện hôm nay, để dùng với `assess --baseline`."
    ),
    "Writes the findings of PATHS to FILE, so that `assess --baseline FILE` shows and fails "
    "on new findings only.": (
        "Ghi các phát hiện của PATHS vào FILE, để `assess --baseline FILE` chỉ hiện và chỉ "
        "báo lỗi với phát hiện mới."
    ),
    "Drafts are keyed by their path relative to FILE's folder, findings by rule and the "
    'wording of their paragraph (not its number). Findings accepted by a "nghiquyet: bỏ '
    'qua" comment in the draft are not recorded.': (
        "Dự thảo được nhận theo đường dẫn tính từ thư mục của FILE, phát hiện theo quy tắc và "
        "lời văn của đoạn (không theo số thứ tự đoạn). Các phát hiện đã được chấp nhận bằng "
        'chú thích "nghiquyet: bỏ qua" trong dự thảo không được ghi.'
    ),
    "Exit codes: 0 written; 2 usage, config or unreadable input (nothing is written).": (
        "Mã thoát: 0 đã ghi; 2 sai cách dùng, lỗi cấu hình hoặc tệp không đọc được (không ghi gì)."
    ),
    "Write the baseline (JSON) to FILE; '-' is standard output.": (
        "Ghi baseline (JSON) vào FILE; '-' là đầu ra chuẩn."
    ),
    "Only these rules (as for assess).": "Chỉ chạy các quy tắc này (như với assess).",
    "Skip these rules (as for assess).": "Bỏ qua các quy tắc này (như với assess).",
    "Score non-resolutions too (as assess).": (
        "Chấm cả văn bản không phải nghị quyết chuyên đề (như assess)."
    ),
    "Worker processes.": "Số tiến trình chấm song song.",
    "Reuse results.": "Dùng lại kết quả đã lưu.",
    # -- serve -----------------------------------------------------------------------------
    "Start a local web page to check drafts without a terminal.": (
        "Mở một trang web trên máy này để kiểm tra dự thảo mà không cần dòng lệnh."
    ),
    "Address to listen on (this computer only by default).": (
        "Địa chỉ để nghe (mặc định chỉ máy này)."
    ),
    "Port to listen on.": "Cổng để nghe.",
    "Largest file accepted, in MB.": "Dung lượng tệp lớn nhất nhận, tính bằng MB.",
    "Worker processes that check drafts at the same time (each needs about 110 MB) "
    "[default: 2, or 1 on a one-core computer].": (
        "Số tiến trình kiểm tra dự thảo cùng lúc (mỗi tiến trình cần khoảng 110 MB) "
        "[mặc định: 2, hoặc 1 trên máy một lõi]."
    ),
    "Seconds a draft may take to check; past them its worker is stopped [default: 60].": (
        "Số giây tối đa để kiểm tra một dự thảo; quá thời gian đó tiến trình kiểm tra "
        "bị dừng [mặc định: 60]."
    ),
    "Config file (rules, weights, ...).": "Tệp cấu hình (quy tắc, hệ số, ...).",
    "Open the page in the default web browser.": "Mở trang bằng trình duyệt mặc định.",
    # -- click's own words -----------------------------------------------------------------
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Aborted!": "Đã dừng.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Invalid value for {param_hint}: {message}": (
        "Giá trị không hợp lệ cho {param_hint}: {message}"
    ),
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not {choice}.": "{value!r} không hợp lệ; chọn một trong {choices}.",
    "{value!r} is not a valid {number_type}.": (
        "{value!r} không phải là số hợp lệ ({number_type})."
    ),
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải giá trị đúng/sai hợp lệ. Các giá trị nhận: {states}"
    ),
    "Follow links that lead out of a folder being searched (never by default).": (
        "Đi theo các liên kết dẫn ra ngoài thư mục đang tìm (mặc định không bao giờ)."
    ),
    # -- tasks ------------------------------------------------------------------------------
    "The responsibility matrix: every task with its owner, deadline and schedule.": (
        "Bảng phân công: mọi nhiệm vụ với người phụ trách, thời hạn và tần suất."
    ),
    "The same tasks `assess` finds, as a table (text), a spreadsheet (csv with a "
    "byte-order mark for Excel, xlsx with overdue and undated rows highlighted) or a "
    "calendar (ics: an all-day event per dated task with a reminder a week before; "
    '"hằng tháng", "hằng quý" repeat). A folder or several drafts give one table with '
    "a draft column.": (
        "Đúng các nhiệm vụ mà `assess` tìm thấy, dưới dạng bảng (text), bảng tính (csv có "
        "dấu BOM để Excel đọc đúng tiếng Việt, xlsx tô màu dòng quá hạn và dòng chưa có thời "
        "hạn) hoặc lịch (ics: mỗi nhiệm vụ có ngày là một sự kiện cả ngày, nhắc trước một "
        'tuần; "hằng tháng", "hằng quý" được lặp lại). Một thư mục hoặc nhiều dự thảo cho '
        "một bảng chung có cột dự thảo."
    ),
    "Exit codes: 0 written; 2 usage, config or unreadable input (the other drafts' "
    "tasks are still written).": (
        "Mã thoát: 0 đã ghi; 2 lỗi cách dùng, cấu hình hoặc tệp không đọc được (nhiệm vụ "
        "của các dự thảo khác vẫn được ghi)."
    ),
    "Output format: text, csv, xlsx, ics; any case "
    "[default: from the -o suffix (.csv, .xlsx, .ics), else text].": (
        "Định dạng đầu ra: text, csv, xlsx, ics; chữ hoa hay thường đều được "
        "[mặc định: theo đuôi tệp -o (.csv, .xlsx, .ics), nếu không thì text]."
    ),
    "Write to FILE (atomically, never over an input), not standard output.": (
        "Ghi vào TỆP (trọn vẹn một lần, không bao giờ ghi đè tệp đầu vào) thay vì đầu ra chuẩn."
    ),
    "The day deadlines are compared with (overdue) and recurring duties start "
    "from [default: today].": (
        "Ngày dùng để so thời hạn (quá hạn) và để bắt đầu các việc định kỳ [mặc định: hôm nay]."
    ),
    "Read a document even when it is not a thematic resolution (a report, a plan, "
    "text without diacritics).": (
        "Vẫn đọc văn bản dù không phải nghị quyết chuyên đề (báo cáo, kế hoạch, văn bản không dấu)."
    ),
}
