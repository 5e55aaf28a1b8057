# Exports for publication: the page and the rule written into every file. Staff words, in
# English; not easy read (these are for council officers), so `heard lint` skips this file.

staff-exports-title = Export for publication
staff-exports-link = Export for publication
staff-exports-intro = These files are for publishing: outside the council, in reports or open data. Small numbers in them are hidden so that nobody can be singled out. The coverage pages, the command line and the API show exact figures; use them for your own work, not for publishing.
staff-exports-rule-heading = How small numbers are hidden
staff-exports-threshold = The threshold is { $threshold }. Every file says this rule at its top: CSV files in lines starting with #, JSON files in a "suppression" part.
staff-exports-files-heading = Files to download
staff-exports-coverage-csv = Coverage, CSV (opens in a spreadsheet)
staff-exports-coverage-json = Coverage, JSON (for programs)
staff-exports-responses-csv = Responses, CSV (opens in a spreadsheet)
staff-exports-responses-json = Responses, JSON (for programs)
staff-exports-coverage-about = Coverage: responses per district against the expected share, and counts by group and by channel.
staff-exports-responses-about = Responses: one row per response with its answers (free text has had names, phone numbers, email and postcodes taken out), district, group, channel and day. Never who sent it.

# The rule, one sentence each; written into every export file as well as on the page.
staff-exports-rule-small = Small numbers are hidden so that nobody can be singled out: any count from 1 to { $below } shows as <{ $threshold }; 0 shows as 0.
staff-exports-rule-secondary = Where a hidden count could be worked out from a total, another count is hidden too and shows as [c] (it is { $threshold } or more).
staff-exports-rule-derived = Share, ratio, interval, status and voices needed are left out for a district whose count is hidden; similarity and r-score are left out when any district's count is hidden.
staff-exports-rule-names = In the responses file a district, group or channel is named only where at least { $threshold } responses share it and the coverage file shows that count; otherwise it shows as other-devon, not-in-a-district or withheld. Responses are left out when the coverage file hides their total.
staff-exports-rule-day = The day is given only where at least { $threshold } responses from the same district, group and channel share it; otherwise the week (like 2026-W14), or nothing. Rows are in order of what they say, not of when they came in.
