"""Vietnamese: every message ictgoals shows people, keyed by its English text (see ictgoals.i18n)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    " or ": " hoặc ",
    '"%", "pp" or "places".': '"%", "pp" hoặc "places".',
    '">=", "<=", "between" or "maintain".': '">=", "<=", "between" hoặc "maintain".',
    "(deprecated) ": "(không còn dùng) ",
    "(derived)": "(suy ra)",
    "--against {base} must be earlier than {year}.": "--against {base} phải là năm trước {year}.",
    "--format {format}: import reads csv or json.": "--format {format}: lệnh import chỉ đọc csv hoặc json.",
    '--region "{wanted}": not a province (before or after 1 July 2025) nor a region the data uses.': (
        '--region "{wanted}": không phải tỉnh, thành phố (trước hoặc sau ngày 01/7/2025), cũng không phải địa '
        "phương có trong dữ liệu."
    ),
    "Aborted!": "Đã hủy!",
    "Aborted.": "Đã hủy.",
    "Actual": "Thực hiện",
    "Area": "Lĩnh vực",
    "Arguments": "Đối số",
    "Better": "Chiều tốt",
    "CSV or JSON file of figures, or - for stdin.": "Tệp số liệu CSV hoặc JSON, hoặc - để đọc từ stdin.",
    "Change": "Thay đổi",
    "Change on an earlier year, as stated.": "Mức thay đổi so với một năm trước, theo công bố.",
    "Check both data files: errors exit 2; warnings exit 0, or 1 with --strict.": (
        "Kiểm tra cả hai tệp dữ liệu: có lỗi thì thoát mã 2; có cảnh báo thì thoát mã 0, hoặc 1 nếu dùng --strict."
    ),
    "Code": "Mã",
    "Commands": "Lệnh",
    "Compare each figure reported for YEAR with the year before, and list the targets due in YEAR.": (
        "So sánh từng số liệu báo cáo năm YEAR với năm trước đó và liệt kê các mục tiêu đến hạn năm YEAR."
    ),
    "Copy the bundled dataset to DIRECTORY, to edit and record into.": (
        "Sao chép bộ dữ liệu đi kèm vào DIRECTORY để chỉnh sửa và ghi số liệu."
    ),
    "Declare --source as a new source.": "Khai báo --source là nguồn mới.",
    "Declare one target in targets.toml.": "Khai báo một mục tiêu trong targets.toml.",
    "Did you mean {names}?": "Có phải ý bạn là {names}?",
    "Did you mean: {names}?": "Có phải ý bạn là: {names}?",
    "Do not use or write the parsed-data cache (also: ICTGOALS_NO_CACHE=1).": (
        "Không dùng, không ghi bộ nhớ đệm dữ liệu đã đọc (hoặc đặt ICTGOALS_NO_CACHE=1)."
    ),
    "Earlier year to compare with (default: YEAR-1).": "Năm trước đó để so sánh (mặc định: YEAR-1).",
    "Error": "Lỗi",
    "Exit 1 if any target is missed, at-risk, off-track, regressing or has no data.": (
        "Thoát mã 1 nếu có mục tiêu không đạt, có nguy cơ, chậm tiến độ, đi lùi hoặc chưa có số liệu."
    ),
    "Exit 1 when there are warnings.": "Thoát mã 1 nếu có cảnh báo.",
    "Figures": "Số liệu",
    "Flags": "Ghi chú",
    "Formed from": "Hợp nhất từ",
    "Free-text note.": "Ghi chú tự do.",
    "Gap": "Khoảng cách",
    "History against target": "Diễn biến so với mục tiêu",
    "How long to wait for another writer of the same file (default 30); then exit 2.": (
        "Số giây chờ khi tệp đang được tiến trình khác ghi (mặc định 30); quá hạn thì thoát mã 2."
    ),
    "Improved": "Cải thiện",
    "Indicator": "Chỉ tiêu",
    "Indicator id, e.g. full_online_dossiers.": "Mã chỉ tiêu, ví dụ full_online_dossiers.",
    "Indicator id.": "Mã chỉ tiêu.",
    "Install completion for the current shell.": "Cài đặt tự hoàn thành lệnh cho shell hiện tại.",
    "Keep a figure even if the same source already gave another value.": (
        "Vẫn ghi số liệu dù cùng nguồn đã công bố giá trị khác."
    ),
    "Left out to fit the width: {columns}. A wider terminal or --format json shows all.": (
        "Đã ẩn cho vừa khổ màn hình: {columns}. Mở rộng cửa sổ dòng lệnh hoặc dùng --format json để xem đủ."
    ),
    "List the indicator catalogue with how many targets and figures each has.": (
        "Liệt kê danh mục chỉ tiêu, kèm số mục tiêu và số liệu của từng chỉ tiêu."
    ),
    "List the regions: the nation, the 34 provinces from 1 July 2025, and the 63 before with their successors.": (
        "Liệt kê các địa phương: toàn quốc, 34 tỉnh, thành phố từ ngày 01/7/2025 và 63 tỉnh, thành phố trước đó cùng "
        "đơn vị kế thừa."
    ),
    "Merged into": "Sáp nhập vào",
    "Message": "Nội dung",
    "Missing command.": "Thiếu lệnh.",
    "Name": "Tên",
    "National targets due in {year}, against {region}'s figures": (
        "Mục tiêu quốc gia đến hạn năm {year}, so với số liệu của {region}"
    ),
    "No problems found in {targets} and {actuals}.": "Không phát hiện vấn đề nào trong {targets} và {actuals}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Options": "Tùy chọn",
    "Output format.": "Định dạng đầu ra.",
    "Overwrite existing files.": "Ghi đè tệp đã có.",
    "Pace": "Tốc độ",
    "Print the TOML that would be appended; change nothing.": "In đoạn TOML sẽ được ghi thêm; không thay đổi gì.",
    "Printed": "Nguyên văn",
    "Publication date of the new source.": "Ngày công bố của nguồn mới.",
    (
        "R: progress ratio, observed ÷ required yearly growth (≥ 0.95 on track); need: change per year still "
        "required; est.: estimate; !: sources disagree"
    ): (
        "R: tỷ lệ tiến độ, mức tăng thực tế ÷ mức tăng cần đạt mỗi năm (≥ 0,95 là đúng tiến độ); cần: mức thay đổi "
        "mỗi năm còn phải đạt; ước: ước tính; !: các nguồn không thống nhất"
    ),
    "Record many figures at once: all of them, or none if any row is bad.": (
        "Ghi nhiều số liệu cùng lúc: ghi tất cả, hoặc không ghi gì nếu có dòng lỗi."
    ),
    "Record one reported figure in actuals.toml.": "Ghi một số liệu báo cáo vào actuals.toml.",
    "Region": "Địa phương",
    'Region: "VN" (national) or a province, e.g. "Trà Vinh"; case and accents ignored.': (
        'Địa phương: "VN" (toàn quốc) hoặc một tỉnh, thành phố, ví dụ "Trà Vinh"; không phân biệt hoa thường, dấu.'
    ),
    "Regions: the nation, the 34 provinces from 1 July 2025, and the 63 before": (
        "Địa phương: toàn quốc, 34 tỉnh, thành phố từ ngày 01/7/2025 và 63 tỉnh, thành phố trước đó"
    ),
    "Run `ictgoals indicators` to list them.": "Chạy `ictgoals indicators` để xem danh sách.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Hiển thị mã tự hoàn thành lệnh cho shell hiện tại để sao chép hoặc tùy chỉnh cài đặt."
    ),
    "Show every target due in YEAR against the latest figures.": (
        "Hiển thị mọi mục tiêu đến hạn năm YEAR so với số liệu mới nhất."
    ),
    "Show one indicator's figures by year, with sources, and its targets with their status.": (
        "Hiển thị số liệu theo năm của một chỉ tiêu, kèm nguồn, cùng các mục tiêu và tình trạng thực hiện."
    ),
    "Show the version and exit.": "Hiển thị phiên bản rồi thoát.",
    "Show this message and exit.": "Hiển thị hướng dẫn này rồi thoát.",
    "Since": "Từ ngày",
    "Source": "Nguồn",
    "Source id (declare a new one with --source-title).": "Mã của nguồn (khai báo nguồn mới bằng --source-title).",
    "Source id (declared in targets.toml).": "Mã của nguồn (đã khai báo trong targets.toml).",
    "Stated change": "Thay đổi công bố",
    "Status": "Tình trạng",
    "Target": "Mục tiêu",
    "Target year, e.g. 2025.": "Năm mục tiêu, ví dụ 2025.",
    "Targets": "Mục tiêu",
    "Targets due in {year}": "Mục tiêu đến hạn năm {year}",
    "Targets due in {year} (national)": "Mục tiêu đến hạn năm {year} (toàn quốc)",
    "Targets of {region} due in {year}": "Mục tiêu của {region} đến hạn năm {year}",
    'The figure as printed, e.g. "hơn 71.000 tỷ đồng"; gives VALUE if left out.': (
        'Số liệu đúng như nguồn ghi, ví dụ "hơn 71.000 tỷ đồng"; dùng để suy ra VALUE nếu bỏ trống VALUE.'
    ),
    "The figure: 45,8 or 45.8, 3.744.214, -3,2, 45,8%; or leave it out and give --printed.": (
        "Số liệu: 45,8 hoặc 45.8, 3.744.214, -3,2, 45,8%; hoặc bỏ trống và dùng --printed."
    ),
    "The source gives an estimate (ước đạt).": "Nguồn công bố số ước tính (ước đạt).",
    "The target as the source prints it.": "Mục tiêu đúng như nguồn ghi.",
    "The value; two values (low high) for --op between; none for --op maintain.": (
        "Giá trị; hai giá trị (thấp cao) với --op between; bỏ trống với --op maintain."
    ),
    "Track Vietnam's digital-transformation targets against the reported figures.": (
        "Theo dõi các mục tiêu chuyển đổi số của Việt Nam so với số liệu báo cáo."
    ),
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Chạy [blue]'{command_path} {help_option}'[/] để xem hướng dẫn."
    ),
    "Unit": "Đơn vị",
    "Usage: ": "Cách dùng: ",
    "Validation": "Kiểm tra dữ liệu",
    "Value": "Giá trị",
    "Where": "Vị trí",
    "Where to put targets.toml and actuals.toml.": "Thư mục đặt targets.toml và actuals.toml.",
    "With --check, also fail on no-trend.": "Với --check, báo không đạt cả khi chưa rõ xu hướng.",
    "Year": "Năm",
    "Year of that change (default: YEAR-1).": "Năm so sánh của mức thay đổi đó (mặc định: YEAR-1).",
    "Year progress is measured from.": "Năm gốc để tính tiến độ.",
    "[default: {}]": "[mặc định: {}]",
    "[env var: {}]": "[biến môi trường: {}]",
    "[required]": "[bắt buộc]",
    "`ictgoals regions` lists the provinces.": "`ictgoals regions` liệt kê các tỉnh, thành phố.",
    "a range": "một khoảng",
    "actuals.toml to read (default: $ICTGOALS_ACTUALS, ./actuals.toml, or the bundled copy)": (
        "Tệp actuals.toml cần đọc (mặc định: $ICTGOALS_ACTUALS, ./actuals.toml hoặc bản đi kèm)"
    ),
    "actuals: {actuals}": "số liệu thực hiện: {actuals}",
    "ahead by {amount}": "vượt {amount}",
    "already declared: {indicator} ({region}, {year}, {op}); nothing written.": (
        "đã khai báo: {indicator} ({region}, {year}, {op}); không ghi gì."
    ),
    "already recorded: {indicator} ({region}, {year}) from '{source}'; nothing written.": (
        "đã ghi nhận: {indicator} ({region}, {year}) theo '{source}'; không ghi gì."
    ),
    "basis\x04average": "bình quân",
    "basis\x04total": "tổng",
    "better\x04higher": "cao hơn là tốt",
    "better\x04lower": "thấp hơn là tốt",
    "better\x04neutral": "trung tính",
    "change unit\x04%": "%",
    "change unit\x04places": "bậc",
    "change unit\x04pp": "điểm %",
    "check failed: {failed} of {total} targets need attention.": (
        "kiểm tra không đạt: {failed}/{total} mục tiêu cần xem xét."
    ),
    "check: {status}: {indicator} ({region}, {year})": "kiểm tra: {status}: {indicator} ({region}, {year})",
    "copied the bundled targets.toml and actuals.toml to {directory}; run ictgoals from there to use them.": (
        "đã sao chép targets.toml và actuals.toml đi kèm vào {directory}; chạy ictgoals từ thư mục đó để dùng các "
        "tệp này."
    ),
    "csv or json (default: from the file name; csv for -).": "csv hoặc json (mặc định: theo tên tệp; csv với -).",
    "current": "hiện hành",
    "declared the target in {path}.": "đã khai báo mục tiêu trong {path}.",
    "default: {default}": "mặc định: {default}",
    "derived": "suy ra",
    (
        "derived: implied by the stated change, not reported; ✓/✗: stated change agrees with the figures within "
        "rounding"
    ): (
        "suy ra: tính từ mức thay đổi công bố, không phải số báo cáo; ✓/✗: mức thay đổi công bố khớp/không khớp với "
        "số liệu (sai số làm tròn)"
    ),
    "down {places} places": "giảm {places} bậc",
    "each year {first}–{last}": "mỗi năm {first}–{last}",
    "env var: {var}": "biến môi trường: {var}",
    "equally recent sources go by id": "các nguồn cùng ngày công bố, chọn theo mã",
    "error": "lỗi",
    "error: {message}": "lỗi: {message}",
    "est.": "ước",
    "estimate": "ước tính",
    "former": "cũ",
    "imported {entries} figure(s) into {path}; skipped {skipped} already recorded.": (
        "đã nhập {entries} số liệu vào {path}; bỏ qua {skipped} số liệu đã có."
    ),
    (
        "internal error: {error}. This is a bug in ictgoals; please report it with the command you ran "
        "(ICTGOALS_DEBUG=1 shows the details)."
    ): (
        "lỗi nội bộ: {error}. Đây là lỗi của ictgoals; vui lòng báo lỗi kèm lệnh đã chạy (đặt ICTGOALS_DEBUG=1 để "
        "xem chi tiết)."
    ),
    "interrupted.": "đã dừng giữa chừng.",
    "its baseline year {year} has no figure yet (the latest is {latest}), so progress cannot be measured": (
        "năm gốc {year} chưa có số liệu (mới nhất là năm {latest}) nên chưa tính được tiến độ"
    ),
    "its own stated base": "mức gốc do chính mục tiêu nêu",
    "maintain": "duy trì",
    "met": "đạt",
    "met, within tolerance ({amount} short)": "đạt, trong ngưỡng cho phép (thiếu {amount})",
    "need {amount}/yr": "cần {amount}/năm",
    "no": "không",
    "no change": "không đổi",
    "no number": "không có số",
    "no targets": "không có mục tiêu",
    "not used": "không dùng",
    "note: {message}": "lưu ý: {message}",
    "of {region}, merged in": "của {region}, đã sáp nhập",
    "period": "giai đoạn",
    "period {basis}": "{basis} giai đoạn",
    "reading {targets} and {actuals}": "đang đọc {targets} và {actuals}",
    "recorded {indicator} ({region}, {year}) in {path}.": "đã ghi {indicator} ({region}, {year}) vào {path}.",
    (
        "region {region!r} is not one of Vietnam's provinces (before or after 1 July 2025); it is kept as a region "
        "of your own."
    ): (
        "địa phương {region!r} không phải tỉnh, thành phố của Việt Nam (trước hoặc sau ngày 01/7/2025); được giữ như "
        "một địa phương do người dùng tự đặt."
    ),
    "required": "bắt buộc",
    "status\x04at-risk": "có nguy cơ",
    "status\x04met": "đạt",
    "status\x04missed": "không đạt",
    "status\x04no-data": "chưa có số liệu",
    "status\x04no-trend": "chưa rõ xu hướng",
    "status\x04off-track": "chậm tiến độ",
    "status\x04on-track": "đúng tiến độ",
    "status\x04regressing": "đi lùi",
    "targets.toml to read (default: $ICTGOALS_TARGETS, ./targets.toml, or the bundled copy)": (
        "Tệp targets.toml cần đọc (mặc định: $ICTGOALS_TARGETS, ./targets.toml hoặc bản đi kèm)"
    ),
    "targets: {targets}": "mục tiêu: {targets}",
    "the baseline ({year}) is 0; {standin} stands in for it": (
        "giá trị năm gốc ({year}) bằng 0; dùng {standin} thay thế"
    ),
    "the most recent source": "nguồn mới nhất",
    "the recorded {year} figure": "số liệu năm {year} đã ghi nhận",
    "the target is 0; {standin} stands in for it": "mục tiêu bằng 0; dùng {standin} thay thế",
    "top {rank}": "top {rank}",
    "unknown indicator '{indicator}' in {file}.": "chỉ tiêu '{indicator}' trong {file} không có trong danh mục.",
    "up {places} places": "tăng {places} bậc",
    "warning": "cảnh báo",
    "warning: {indicator} ({region}, {year}): {warning}.": "cảnh báo: {indicator} ({region}, {year}): {warning}.",
    "would import {entries} figure(s) into {path}; skipped {skipped} already recorded.": (
        "sẽ nhập {entries} số liệu vào {path}; bỏ qua {skipped} số liệu đã có."
    ),
    "yes": "có",
    "{amount} places": "{amount} bậc",
    "{amount} pp": "{amount} điểm %",
    "{amount} {unit} on {year}": "{amount} {unit} so với {year}",
    "{count} indicators": "{count} chỉ tiêu",
    "{count} warning(s): {codes}.": "{count} cảnh báo: {codes}.",
    (
        "{indicator} ({region}, {year}): '{source}' states a change of {change} {unit} on {base_year}, but {value} "
        "against the recorded {base_year} figure {base} (from '{base_source}') is {computed} {unit}; the stated "
        "change implies {base_year} was {implied}."
    ): (
        "{indicator} ({region}, {year}): '{source}' nêu mức thay đổi {change} {unit} so với {base_year}, nhưng "
        "{value} so với số liệu năm {base_year} đã ghi nhận là {base} (theo '{base_source}') là {computed} {unit}; "
        "theo mức thay đổi đã nêu thì số liệu năm {base_year} phải là {implied}."
    ),
    '{indicator} ({region}, {year}): printed "{printed}" reads as {shown}, but value is {value}.': (
        '{indicator} ({region}, {year}): nguyên văn "{printed}" được đọc là {shown}, nhưng giá trị nhập là {value}.'
    ),
    (
        "{indicator} ({region}, {year}): sources disagree: {figures}. status and diff use {value} from '{source}' "
        "({why})."
    ): (
        "{indicator} ({region}, {year}): các nguồn không thống nhất: {figures}. status và diff dùng {value} theo "
        "'{source}' ({why})."
    ),
    (
        "{indicator} ({region}, {year}): the target {value} is stated as a change of {change} {unit} on {base_year}, "
        "but against {whose} {base} it is {computed} {unit}."
    ): (
        "{indicator} ({region}, {year}): mục tiêu {value} được nêu là mức thay đổi {change} {unit} so với "
        "{base_year}, nhưng so với {whose} {base} thì là {computed} {unit}."
    ),
    (
        "{name} became part of {successor} on {since}; its figures stay under its own name (ask for --region "
        '"{successor}" for the province that succeeded it).'
    ): (
        "{name} đã hợp nhất vào {successor} từ ngày {since}; số liệu vẫn giữ theo tên cũ (dùng --region "
        '"{successor}" để xem tỉnh, thành phố kế thừa).'
    ),
    "{value} from '{source}' ({where})": "{value} theo '{source}' ({where})",
    "{year} against {against}": "{year} so với {against}",
    "│: target · ░: derived": "│: mục tiêu · ░: suy ra",
    # Units of measure (the indicator catalogue's `unit`), looked up with the context "unit".
    "unit\x04USD bn": "tỷ USD",
    "unit\x04VND bn": "tỷ đồng",
    "unit\x04count": "đơn vị",
    "unit\x04per 100 people": "trên 100 dân",
    "unit\x04rank": "hạng",
    "unit\x04group": "nhóm",
    "unit\x04times (vs 2016)": "lần (so với 2016)",
    "unit\x04%": "%",
    "--format markdown writes a directory: give it with -o DIR.": "--format markdown ghi ra một thư mục: hãy chỉ định bằng -o DIR.",
    "Baseline": "Mốc cơ sở",
    "Digital-transformation targets due in {year}: national": "Các mục tiêu chuyển đổi số đến hạn năm {year}: toàn quốc",
    "Digital-transformation targets due in {year}: {region}": "Các mục tiêu chuyển đổi số đến hạn năm {year}: {region}",
    "Figures by year against the target; vertical axis: {axis}.": "Số liệu theo năm so với mục tiêu; trục đứng: {axis}.",
    "File (html) or directory (markdown) to write; html goes to stdout without it.": "Tệp (html) hoặc thư mục (markdown) để ghi; không có thì html ra stdout.",
    "Made on {date} by ictgoals.": "Lập ngày {date} bằng ictgoals.",
    "No figure has an earlier one to compare with.": "Chưa có số liệu nào có năm trước để so sánh.",
    "No figures yet: nothing to draw.": "Chưa có số liệu: không có gì để vẽ.",
    "Note": "Ghi chú",
    "Projection": "Dự phóng",
    "Sources": "Nguồn",
    "Summary": "Tóm tắt",
    "Target source": "Nguồn mục tiêu",
    "Warnings from validate": "Cảnh báo từ validate",
    "What changed: {year} against {against}": "Thay đổi: năm {year} so với năm {against}",
    "Write a report to share: summary, what changed, and a chart per target (needs the report extra).": "Lập báo cáo để chia sẻ: tóm tắt, các thay đổi và một biểu đồ cho mỗi mục tiêu (cần gói bổ sung report).",
    "better": "tốt hơn",
    "html: one self-contained file; markdown: a directory.": "html: một tệp độc lập; markdown: một thư mục.",
    "rank (1 is best)": "hạng (1 là tốt nhất)",
    "report draws its charts with matplotlib, which is not installed. Install it with: {command}": "report vẽ biểu đồ bằng matplotlib, nhưng matplotlib chưa được cài đặt. Hãy cài bằng lệnh: {command}",
    "worse": "kém hơn",
    "wrote {path}.": "đã ghi {path}.",
    "{value} in {year} at the pace so far": "{value} vào năm {year} nếu giữ tốc độ hiện nay",
    "Language of the output (default: $ICTGOALS_LANG, then the locale); JSON and CSV do not change.": "Ngôn ngữ hiển thị (mặc định: $ICTGOALS_LANG, rồi theo locale); JSON và CSV không thay đổi.",
    "How to read the charts": "Cách đọc biểu đồ",
    "Target range": "Khoảng mục tiêu",
}

#: Click's own error messages, translated by pattern on the finished message (see ictgoals.cli_lang).
CLICK_ERRORS: list[tuple[str, str]] = [
    (r"Missing argument (.+)\.", r"Thiếu đối số \1."),
    (r"Missing option (.+)\.", r"Thiếu tùy chọn \1."),
    (r"Missing parameter(:)? (.+)", r"Thiếu tham số\1 \2"),
    (r"No such option: (\S+)", r"Không có tùy chọn: \1"),
    (r"\(Possible options: (.+)\)", r"(Các tùy chọn có thể: \1)"),
    (r"Did you mean (.+)\?", r"Có phải ý bạn là \1?"),
    (r"Got unexpected extra argument\(s\) \((.*)\)", r"Thừa đối số (\1)"),
    (r"Got unexpected extra argument \((.*)\)", r"Thừa đối số (\1)"),
    (r"Option (\S+) requires an argument\.", r"Tùy chọn \1 cần một giá trị."),
    (r"Option (\S+) requires (\d+) arguments\.", r"Tùy chọn \1 cần \2 giá trị."),
    (r"Option (\S+) does not take a value\.", r"Tùy chọn \1 không nhận giá trị."),
    (r"Invalid value for (.+?): ", r"Giá trị không hợp lệ cho \1: "),
    (r"Invalid value: ", r"Giá trị không hợp lệ: "),
    (r"(.+) is not a valid int(?:eger)?(?: range)?\.", r"\1 không phải số nguyên hợp lệ."),
    (r"(.+) is not a valid float(?: range)?\.", r"\1 không phải số thực hợp lệ."),
    (
        r"(.+) is not a valid boolean\. Recognized values: (.+)",
        r"\1 không phải giá trị đúng/sai hợp lệ. Các giá trị được chấp nhận: \2",
    ),
    (r"(.+) is not in the range (.+)\.", r"\1 không nằm trong khoảng \2."),
    (r"(.+) is not one of (.+)\.", r"\1 không thuộc \2."),
    (r"No such command (.+)\.", r"Không có lệnh \1."),
]
