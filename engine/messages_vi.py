"""The Vietnamese of what the tool says: errors, progress, summaries, headings.

Keys are the English messages exactly as the code writes them (one paragraph may be
wrapped over several source lines: whitespace is normalised); values keep every
``{placeholder}`` of the key. Help texts and click's own words are in
:mod:`.cli.help_vi`. See :mod:`.messages` for how a message is looked up.
"""

from __future__ import annotations

VI: dict[str, str] = {
    # -- lines on stderr ---------------------------------------------------------------
    "warning:": "cảnh báo:",
    "Interrupted.": "Đã dừng.",
    "{done}/{total} drafts": "{done}/{total} dự thảo",
    "internal error: {error} (run with --debug for details)": (
        "lỗi nội bộ: {error} (chạy lại với --debug để xem chi tiết)"
    ),
    "{path}: error ({code})": "{path}: lỗi ({code})",
    # -- inputs and outputs --------------------------------------------------------------
    "{path}: no such file": "{path}: không tìm thấy tệp",
    "{path}: no drafts ({kinds}) in folder": "{path}: thư mục không có dự thảo ({kinds})",
    "{path}: refusing to write over an input file": "{path}: không ghi đè lên tệp đầu vào",
    "{path}: folder {folder} does not exist": "{path}: thư mục {folder} không tồn tại",
    "unknown format {fmt!r}; choose one of {choices}": (
        "không có định dạng {fmt!r}; chọn một trong {choices}"
    ),
    "--annotate writes Word comments and needs a .docx; save the .odt as .docx in "
    "LibreOffice (File > Save As, Word 2007-365) and annotate that": (
        "--annotate ghi nhận xét (comment) của Word nên cần tệp .docx; hãy lưu tệp .odt "
        "thành .docx trong LibreOffice (Tệp > Lưu thành, Word 2007-365) rồi chú thích tệp đó"
    ),
    "--annotate needs exactly one .docx draft (not a folder, not several)": (
        "--annotate cần đúng một dự thảo .docx (không phải thư mục, không phải nhiều tệp)"
    ),
    "--annotate and --output must be different files": (
        "--annotate và --output phải là hai tệp khác nhau"
    ),
    "{path}: --annotate needs a .docx draft": "{path}: --annotate cần một dự thảo .docx",
    "{path}: cannot open as .docx ({reason})": "{path}: không mở được như tệp .docx ({reason})",
    "{path}: no text paragraph to comment on": (
        "{path}: không có đoạn văn bản nào để gắn nhận xét"
    ),
    "{path}: {reason}": "{path}: {reason}",
    "wrote {path}": "đã ghi {path}",
    "'-' (standard input) can be named only once": "chỉ được nêu '-' (đầu vào chuẩn) một lần",
    "--stdin-filename names the draft read from standard input: add '-' to the paths": (
        "--stdin-filename đặt tên cho dự thảo đọc từ đầu vào chuẩn: hãy thêm '-' vào các đường dẫn"
    ),
    "no draft to assess: every path named is excluded": (
        "không còn dự thảo nào để chấm: mọi đường dẫn đã nêu đều bị loại trừ (exclude)"
    ),
    "report written to {path}": "đã ghi báo cáo vào {path}",
    # -- the gate (cli/gate.py) ------------------------------------------------------------
    "{n} draft scores below {limit}": "{n} dự thảo dưới {limit} điểm",
    "{n} error": "{n} lỗi",
    "{n} warning": "{n} cảnh báo",
    "{n} info": "{n} gợi ý",
    # -- nghiquyet baseline ----------------------------------------------------------------
    "{n} finding": "{n} phát hiện",
    "wrote {findings} of {n} draft to {path}": "đã ghi {findings} của {n} dự thảo vào {path}",
    "{path}: baseline file not found (record one with `nghiquyet baseline -o {path} PATHS`)": (
        "{path}: không tìm thấy tệp baseline (ghi một tệp bằng `nghiquyet baseline -o {path} "
        "PATHS`)"
    ),
    "{path}: cannot read baseline ({reason})": "{path}: không đọc được baseline ({reason})",
    "{path} line {line}: malformed JSON ({reason})": (
        "{path} dòng {line}: JSON sai cú pháp ({reason})"
    ),
    "{path}: not a nghiquyet baseline (no 'baseline_version')": (
        "{path}: không phải tệp baseline của nghiquyet (không có 'baseline_version')"
    ),
    "{path}: baseline_version {found!r} is not one this version reads ({version}); record "
    "it again with `nghiquyet baseline`": (
        "{path}: baseline_version {found!r} không phải phiên bản mà bản này đọc được "
        "({version}); hãy ghi lại bằng `nghiquyet baseline`"
    ),
    "{path}: 'documents' must map draft paths to lists of {shape} (write it with `nghiquyet "
    "baseline`)": (
        "{path}: 'documents' phải ánh xạ đường dẫn dự thảo tới danh sách {shape} (hãy ghi "
        "bằng `nghiquyet baseline`)"
    ),
    "{path} exists; use --force to overwrite": "{path} đã có; dùng --force để ghi đè",
    # -- nghiquyet cache -----------------------------------------------------------------
    "removed {n} cached result from {folder}": "đã xóa {n} kết quả lưu đệm khỏi {folder}",
    "folder:": "thư mục:",
    "removed {n} parsed rule file": "đã xóa {n} tệp luật đã phân tích",
    "entries:": "số mục:",
    "parsed rule files:": "tệp luật đã phân tích:",
    "size:": "dung lượng:",
    # -- nghiquyet review (engine/review) ---------------------------------------------------
    "Progress report held against the resolution": "Đối chiếu báo cáo với nghị quyết",
    "Resolution: {path}": "Nghị quyết: {path}",
    "Report: {path}": "Báo cáo: {path}",
    "The report speaks of {n} of {total} targets and tasks ({share}).": (
        "Báo cáo nhắc đến {n}/{total} chỉ tiêu và nhiệm vụ ({share})."
    ),
    "Targets: {met} met, {not_met} not met, {reported} mentioned without a figure, "
    "{not_reported} not reported.": (
        "Chỉ tiêu: {met} đạt, {not_met} chưa đạt, {reported} có nêu nhưng không có số liệu, "
        "{not_reported} không nêu."
    ),
    "Tasks: {done} done, {in_progress} in progress, {reported} mentioned without progress "
    "shown, {not_reported} not reported.": (
        "Nhiệm vụ: {done} hoàn thành, {in_progress} đang thực hiện, {reported} có nêu nhưng "
        "không rõ tiến độ, {not_reported} không nêu."
    ),
    "Targets ({n})": "Chỉ tiêu ({n})",
    "Tasks ({n})": "Nhiệm vụ ({n})",
    "none in the resolution": "nghị quyết không có",
    "met": "đạt",
    "not met": "chưa đạt",
    "mentioned, no figure": "có nêu, không có số liệu",
    "not reported": "không nêu",
    "done": "hoàn thành",
    "in progress": "đang thực hiện",
    "mentioned, no progress shown": "có nêu, không rõ tiến độ",
    "the target sets no figure": "chỉ tiêu không có con số",
    "target {goal}": "chỉ tiêu {goal}",
    "target {goal} · reported {figure}": "chỉ tiêu {goal} · báo cáo {figure}",
    "down {goal}": "giảm {goal}",
    "up {goal}": "tăng {goal}",
    "no owner": "chưa có người phụ trách",
    "no deadline": "chưa có thời hạn",
    "owner: {owner} · deadline: {deadline}": "phụ trách: {owner} · thời hạn: {deadline}",
    "the report does not speak of it": "báo cáo không nhắc đến",
    "report, para {block}: «{sentence}»": "báo cáo, đoạn {block}: «{sentence}»",
    "para {block}": "đoạn {block}",
    "Target": "Chỉ tiêu",
    "Goal": "Mức đề ra",
    "Reported": "Báo cáo",
    "Status": "Đánh giá",
    "In the report": "Câu trong báo cáo",
    "Task": "Nhiệm vụ",
    "Owner": "Phụ trách",
    "Deadline": "Thời hạn",
    "The statuses are read automatically from the wording of the report; check each "
    "against the sentence shown.": (
        "Đánh giá do công cụ tự đọc từ câu chữ của báo cáo; hãy đối chiếu từng dòng với "
        "câu được trích."
    ),
    "{path}: this is a {kind}, not the resolution; name the resolution first, then its "
    "progress report": (
        "{path}: đây là {kind}, không phải nghị quyết; hãy ghi nghị quyết trước, rồi đến báo "
        "cáo sơ kết, tổng kết"
    ),
    "{path}: not Vietnamese text with diacritics, so no resolution to review": (
        "{path}: không phải văn bản tiếng Việt có dấu, nên không có nghị quyết để đối chiếu"
    ),
    "{path}: this is a resolution, not a progress report; name the resolution first, then "
    "its progress report": (
        "{path}: đây là nghị quyết, không phải báo cáo; hãy ghi nghị quyết trước, rồi đến báo "
        "cáo sơ kết, tổng kết"
    ),
    "{path}: not Vietnamese text, so no progress report to review": (
        "{path}: không phải văn bản tiếng Việt, nên không có báo cáo để đối chiếu"
    ),
    # -- nghiquyet serve -----------------------------------------------------------------
    "the page listens on {host}; anyone on this network can open it and send drafts": (
        "trang nghe trên {host}, ai trong mạng này cũng mở và gửi dự thảo được"
    ),
    "serve needs starlette, uvicorn, jinja2 and python-multipart ({reason})": (
        "serve cần starlette, uvicorn, jinja2 và python-multipart ({reason})"
    ),
    "cannot listen on {host}:{port}: {reason}": "không mở được cổng {host}:{port}: {reason}",
    # -- configuration ---------------------------------------------------------------------
    "command line": "dòng lệnh",
    "a number": "một số",
    "an integer": "một số nguyên",
    "a string": "một chuỗi",
    "a list": "một danh sách (list)",
    "a mapping": "một bảng khóa–giá trị (mapping)",
    "a boolean (true or false)": "true hoặc false",
    "{where}: unknown key '{key}' (expected one of {allowed})": (
        "{where}: không có khóa '{key}' (các khóa hợp lệ: {allowed})"
    ),
    "{where}: key '{key}' must be {kind}, got {value!r}": (
        "{where}: khóa '{key}' phải là {kind}, nhưng nhận {value!r}"
    ),
    "{where}: key '{key}' must be one of {choices}, got {value!r}": (
        "{where}: khóa '{key}' phải là một trong {choices}, nhưng nhận {value!r}"
    ),
    "{where}: key '{key}' must be a number > 0, got {value!r}": (
        "{where}: khóa '{key}' phải là một số > 0, nhưng nhận {value!r}"
    ),
    "{where}: key 'fail_under' must be between 0 and 100, got {value!r}": (
        "{where}: khóa 'fail_under' phải nằm trong khoảng 0 đến 100, nhưng nhận {value!r}"
    ),
    "{where}: key '{key}' must be a list of strings": (
        "{where}: khóa '{key}' phải là một danh sách chuỗi (list of strings)"
    ),
    "{where}: key '{key}' must map file patterns to lists of rules": (
        "{where}: khóa '{key}' phải ánh xạ mẫu tên tệp tới danh sách quy tắc"
    ),
    "{where}: key 'weights.{crit}' is not a criterion ({ids})": (
        "{where}: khóa 'weights.{crit}' không phải là tiêu chí ({ids})"
    ),
    "{where}: key 'weights.{crit}' must be a number ≥ 0, got {value!r}": (
        "{where}: khóa 'weights.{crit}' phải là một số ≥ 0, nhưng nhận {value!r}"
    ),
    "{where}: the config must be a mapping of keys to values": (
        "{where}: tệp cấu hình phải là một bảng khóa–giá trị"
    ),
    "{path}: cannot read config ({reason})": "{path}: không đọc được tệp cấu hình ({reason})",
    "{path}: malformed TOML ({reason})": "{path}: TOML sai cú pháp ({reason})",
    "{path} line {line}: malformed TOML ({reason})": (
        "{path} dòng {line}: TOML sai cú pháp ({reason})"
    ),
    "{where}: malformed YAML ({problem})": "{where}: YAML sai cú pháp ({problem})",
    "{where} line {line}: malformed YAML ({problem})": (
        "{where} dòng {line}: YAML sai cú pháp ({problem})"
    ),
    "{path}: config file not found": "{path}: không tìm thấy tệp cấu hình",
    "{path}: config file named by NGHIQUYET_CONFIG not found": (
        "{path}: không tìm thấy tệp cấu hình mà NGHIQUYET_CONFIG chỉ tới"
    ),
    # -- select and ignore -------------------------------------------------------------
    "all": "tất cả",
    "unknown rule or criterion {token!r} in select/ignore (use an id like NQ601, a prefix "
    "like NQ6, a slug, or a criterion id)": "không có quy tắc hay tiêu chí {token!r} trong "
    "select/ignore (dùng mã như NQ601, đầu mã như NQ6, tên quy tắc, hoặc mã tiêu chí)",
    "select/ignore leave no rule to run (select: {select}; ignore: {ignore})": (
        "select/ignore không để lại quy tắc nào để chạy (select: {select}; ignore: {ignore})"
    ),
    # -- nghiquyet rules -----------------------------------------------------------------
    "ID": "MÃ",
    "SLUG": "TÊN",
    "CRITERION": "TIÊU CHÍ",
    "SEVERITY": "MỨC ĐỘ",
    "W": "HS",
    "MESSAGE": "THÔNG BÁO",
    "no rule {rule!r}; `nghiquyet rules` lists them": (
        "không có quy tắc {rule!r}; `nghiquyet rules` liệt kê các quy tắc"
    ),
    # -- nghiquyet explain ---------------------------------------------------------------
    "weight {weight}": "hệ số {weight}",
    "ceiling {ceiling}": "điểm trần {ceiling}",
    "only for drafts": "chỉ áp dụng cho dự thảo",
    "only for adopted texts": "chỉ áp dụng cho văn bản đã thông qua",
    "What it checks:": "Kiểm tra gì:",
    "Why:": "Vì sao:",
    "How to fix:": "Cách sửa:",
    "Rewrite ({name}):": "Viết lại ({name}):",
    "Bad example:": "Ví dụ chưa đạt:",
    "Good example:": "Ví dụ đạt:",
    "Reads from the analysis:": "Dữ kiện đọc từ phân tích:",
    "signal": "tín hiệu",
    "section": "phần",
    "item kind": "loại mục",
    "check": "điều kiện",
    "detail": "chi tiết",
    "mention kind": "loại cụm từ",
    "lexicon category": "nhóm từ",
    "Options:": "Tùy chọn:",
    "(the rule type declares no params; params as written: {params})": (
        "(loại quy tắc không khai báo tham số; tham số đã ghi: {params})"
    ),
    "default": "mặc định",
    "Guidance it enforces:": "Thực hiện hướng dẫn:",
    "Criterion: {criterion}": "Tiêu chí: {criterion}",
    "Step {number} of 5: {name}": "Bước {number} trong 5 bước: {name}",
    "It asks: {asks}": "Yêu cầu: {asks}",
    "Source: {source}": "Nguồn: {source}",
    # -- rule packs ----------------------------------------------------------------------
    "{file} rule {n}": "{file} quy tắc {n}",
    "{where} ({id})": "{where} ({id})",
    "{path}: not a rule pack (a .yaml file or a folder of them)": (
        "{path}: không phải gói quy tắc (một tệp .yaml hoặc một thư mục chứa chúng)"
    ),
    "{path}: rule pack not found": "{path}: không tìm thấy gói quy tắc",
    "{file}: cannot read rule pack ({reason})": "{file}: không đọc được gói quy tắc ({reason})",
    "{file}: unknown key {key} (expected rules, lexicon)": (
        "{file}: khóa lạ {key} (chỉ có rules, lexicon)"
    ),
    "{file}: key 'rules' must be a list of rules": (
        "{file}: khóa 'rules' phải là một danh sách quy tắc"
    ),
    "{file}: key 'lexicon' must map categories to lists of terms": (
        "{file}: khóa 'lexicon' phải ánh xạ mỗi nhóm từ tới một danh sách từ"
    ),
    "{file}: duplicate rule id {id} (also in {other})": (
        "{file}: mã quy tắc {id} bị trùng (đã có trong {other})"
    ),
    "{file}: duplicate rule name {name} (also {other})": (
        "{file}: tên quy tắc {name} bị trùng (đã dùng cho {other})"
    ),
    "{where}: a rule must be a mapping, got {kind}": (
        "{where}: một quy tắc phải là một bảng khóa–giá trị, nhưng nhận {kind}"
    ),
    "{where}: unknown key {key} (expected one of {known})": (
        "{where}: khóa lạ {key} (chỉ có: {known})"
    ),
    "{where}: missing key '{key}'": "{where}: thiếu khóa '{key}'",
    "{where}: key '{key}' must be a string or a mapping with 'vi' (and 'en') strings": (
        "{where}: khóa '{key}' phải là một chuỗi hoặc một bảng có chuỗi 'vi' (và 'en')"
    ),
    "{where}: key 'step' must be one of criterion {criterion}'s steps ({steps}), got {value}": (
        "{where}: khóa 'step' phải là một bước của tiêu chí {criterion} ({steps}), "
        "nhưng nhận {value}"
    ),
    "{where}: key 'params' must be a mapping": (
        "{where}: khóa 'params' phải là một bảng khóa–giá trị"
    ),
    "{where}: key 'id' must look like NQ601 (NQ + three digits), got {value}": (
        "{where}: khóa 'id' phải có dạng NQ601 (NQ và ba chữ số), nhưng nhận {value}"
    ),
    "{where}: key 'name' must be a kebab-case slug, got {value}": (
        "{where}: khóa 'name' phải viết thường, nối bằng gạch ngang (kebab-case), "
        "nhưng nhận {value}"
    ),
    "{where}: key 'criterion' must be one of {known} or meta, got {value}": (
        "{where}: khóa 'criterion' phải là một trong {known} hoặc meta, nhưng nhận {value}"
    ),
    "{where}: key 'id' digit {digit} belongs to criterion {expected}, not {criterion}": (
        "{where}: chữ số {digit} của khóa 'id' thuộc tiêu chí {expected}, không phải {criterion}"
    ),
    "{where}: key '{key}' must be one of {known}, got {value}": (
        "{where}: khóa '{key}' phải là một trong {known}, nhưng nhận {value}"
    ),
    "{where}: key '{key}' must be one of {known}, got {value} (did you mean {close}?)": (
        "{where}: khóa '{key}' phải là một trong {known}, nhưng nhận {value} (có phải là {close}?)"
    ),
    "{where}: key 'ceiling' must be a score from 0 to 100, got {value}": (
        "{where}: khóa 'ceiling' phải là một điểm từ 0 đến 100, nhưng nhận {value}"
    ),
    "{where}: key 'weight' must be a number ≥ 0, got {value}": (
        "{where}: khóa 'weight' phải là một số ≥ 0, nhưng nhận {value}"
    ),
    "{where}: key 'docs' must be a mapping with what, why, fix": (
        "{where}: khóa 'docs' phải là một bảng có what, why, fix"
    ),
    "{where}: key 'examples' must be a mapping with 'bad' and 'good' lists of strings": (
        "{where}: khóa 'examples' phải là một bảng có danh sách chuỗi 'bad' và 'good'"
    ),
    "rule type {name} is registered twice": "loại quy tắc {name} được đăng ký hai lần",
    "an alias refers to the value that contains it": (
        "một bí danh (alias) trỏ tới chính giá trị chứa nó"
    ),
    "aliases expand to over {limit} values, an alias bomb: refused": (
        "các bí danh (alias) bung ra hơn {limit} giá trị, một quả bom bí danh: từ chối đọc"
    ),
    "reporter {name} asks for {parameter}; a reporter may ask for {known}": (
        "bộ xuất báo cáo {name} đòi {parameter}; bộ xuất báo cáo chỉ được đòi {known}"
    ),
    "reporter {name} names {target}, which cannot be imported: {reason}": (
        "bộ xuất báo cáo {name} trỏ tới {target}, không nạp được: {reason}"
    ),
    # -- rule params and vocabulary --------------------------------------------------------
    "param {name}": "tham số {name}",
    "param {name}: unknown type {type}": "tham số {name}: không có kiểu {type}",
    "did you mean {name}?": "có phải là {name}?",
    "none is declared": "chưa khai báo tên nào",
    "known: {names}": "các tên đã biết: {names}",
    "docs/rules.md lists them": "xem danh sách trong docs/rules.md",
    "unknown {kind} {name} ({hint})": "{kind} {name} chưa được khai báo ({hint})",
    "{where}: params.{param}: expected {expected}, got {value}": (
        "{where}: params.{param}: cần {expected}, nhưng nhận {value}"
    ),
    "{where}: params.{param}: unknown value {value} ({hint})": (
        "{where}: params.{param}: giá trị lạ {value} ({hint})"
    ),
    "{where}: params.{param}: must be ≥ {minimum}, got {value}": (
        "{where}: params.{param}: phải ≥ {minimum}, nhưng nhận {value}"
    ),
    "{where}: params.{param}: unknown param of rule type {type} ({hint})": (
        "{where}: params.{param}: loại quy tắc {type} không có tham số này ({hint})"
    ),
    "{where}: params.{param}: missing (rule type {type} needs it: {meaning})": (
        "{where}: params.{param}: còn thiếu (loại quy tắc {type} cần nó: {meaning})"
    ),
    "{where}: params.{param}: {problem}": "{where}: params.{param}: {problem}",
    "rule type {type} reads an {problem}": "loại quy tắc {type} đọc một {problem}",
    "a list of strings": "một danh sách chuỗi",
    "a name": "một tên",
    "a list of names": "một danh sách tên",
    "a name or a list of names": "một tên hoặc một danh sách tên",
    "two numbers [low, high]": "hai số [thấp, cao]",
    "a mapping of names to names": "một bảng ánh xạ tên tới tên",
    "a mapping of names to a string or {vi, en}": (
        "một bảng ánh xạ tên tới một chuỗi hoặc {vi, en}"
    ),
    "{item} {kind}": "{kind} của {item}",
    "{where}: a meaning is a string or a mapping of 'vi' and 'en' strings": (
        "{where}: phần giải nghĩa phải là một chuỗi hoặc một bảng có chuỗi 'vi' và 'en'"
    ),
    "{where}: a meaning is one non-empty line, got {value}": (
        "{where}: phần giải nghĩa phải là một dòng không rỗng, nhưng nhận {value}"
    ),
    "unknown vocabulary kind {kind} (one of {known})": (
        "không có loại từ vựng {kind} (chỉ có: {known})"
    ),
    "{kind} terms take item=<item kind> and only they do": (
        "chỉ các tên {kind} mới nhận item=<loại mục>, và phải có nó"
    ),
    "{origin}: a {kind} name must be a non-empty string": (
        "{origin}: tên {kind} phải là một chuỗi không rỗng"
    ),
    "{kind} {name} is declared twice, by {first} and by {second}": (
        "{kind} {name} được khai báo hai lần, bởi {first} và bởi {second}"
    ),
    # -- nghiquyet tasks, and binary formats -------------------------------------------------
    "--today {value!r}: give a date as YEAR-MONTH-DAY (2026-05-01)": (
        "--today {value!r}: ghi ngày theo dạng NĂM-THÁNG-NGÀY (2026-05-01)"
    ),
    "{n} tasks without a date or a frequency are not in the calendar": (
        "{n} nhiệm vụ không có ngày hoặc tần suất nên không có trong lịch"
    ),
    "{fmt} is a binary format, not for a terminal: write it to a file with -o FILE{ext}": (
        "{fmt} là định dạng nhị phân, không in ra màn hình: ghi vào tệp bằng -o TỆP{ext}"
    ),
}
