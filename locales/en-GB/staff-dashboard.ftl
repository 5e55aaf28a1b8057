# The engagement lead's coverage dashboard, outreach links and posters (staff pages:
# English, not easy read). The poster words are read by families, so they are kept short.

staff-dash-intro = Who has been heard, district by district, against where Devon's children and young people (0 to 25) live.
staff-dash-baseline-ons = Expected shares: each district's share of Devon's population aged 0 to 25 (ONS mid-2020 estimates).
staff-dash-baseline-imported = Expected shares: the default baseline imported with heard baseline import.
staff-dash-baseline-consultation = Expected shares: this consultation's own baseline.
staff-dash-total = { $total ->
    [one] 1 response from a Devon district
   *[other] { $total } responses from Devon districts
}
staff-dash-filtered-note = Filtered: only responses that match the filters below are counted, everywhere on this page.
staff-dash-no-responses = No responses from a Devon district yet, so there is nothing to compare.
staff-dash-jump = On this page
staff-dash-jump-missing = Where voices are missing
staff-dash-jump-filters = Filters
staff-dash-jump-map = Map
staff-dash-jump-table = Figures by district
staff-dash-jump-chart = Heard compared with expected
staff-dash-jump-trend = Responses each week
staff-dash-jump-groups = Districts by group
staff-dash-jump-channels = Districts by channel

staff-dash-measures = Across Devon
staff-dash-similarity = Similarity: { $value }
staff-dash-similarity-explained = How closely the spread of responses matches where young people live. 1.00 is an exact match. Now { $percent }% of responses would need to come from other districts to match.
staff-dash-r-score = R-score: { $value }
staff-dash-r-score-explained = The least-heard district's response rate as a share of the best-heard's, allowing for population. 1.00 means every district is heard equally. { $lowest } is heard least and { $highest } most.
staff-dash-r-score-zero = The least-heard district's response rate as a share of the best-heard's, allowing for population. 1.00 means every district is heard equally. At least one district has no responses yet, so it is 0.

staff-dash-missing-title = Where voices are missing
staff-dash-missing-none = No district is under-represented with the figures shown.
staff-dash-missing-intro = These districts are heard less than their population would expect (the whole 95% interval is below it). Send the link, or print the poster, to reach more people there.
staff-dash-voices-needed = { $n ->
    [one] 1 more voice needed
   *[other] { $n } more voices needed
}
staff-dash-outreach-link = Outreach link for { $area }
staff-dash-qr-alt = QR code for the outreach link for { $area }
staff-dash-poster-link = Printable A4 poster for { $area }
staff-dash-qr-link = QR code on its own (SVG) for { $area }

staff-dash-filters-title = Filters
staff-dash-filters-hint = Every figure, the map, the charts and the tables change with these.
staff-dash-filter-group = Group
staff-dash-filter-channel = Channel
staff-dash-filter-from = From (first day)
staff-dash-filter-to = To (last day)
staff-dash-filter-date-hint = For example 2026-11-30.
staff-dash-filter-any-group = Any group
staff-dash-filter-any-channel = Any channel
staff-dash-filter-apply = Apply filters
staff-dash-filter-clear = Clear filters
staff-dash-filter-bad-group = Choose a group from the list
staff-dash-filter-bad-channel = Choose a channel from the list
staff-dash-filter-bad-from = Enter the first day as a date, like 2026-11-30
staff-dash-filter-bad-to = Enter the last day as a date, like 2026-12-31
staff-dash-filter-from-after-to = The first day must be the same as or before the last day
staff-dash-filter-errors-note = The figures are shown once the filters are fixed.

staff-dash-map-title = Map of Devon's districts shaded by how well each is heard
staff-dash-map-desc-area = { $area }: ratio { $ratio }, { $status }.
staff-dash-map-desc-nodata = { $area }: no responses yet.
staff-dash-map-desc-context = Plymouth and Torbay are drawn for context, not counted.
staff-dash-map-context = not counted
staff-dash-legend = Key
staff-dash-legend-shade = Shade: responses compared with expected (ratio)
staff-dash-legend-class-0 = under 0.5
staff-dash-legend-class-1 = 0.5 to 0.8
staff-dash-legend-class-2 = 0.8 to 1.25
staff-dash-legend-class-3 = 1.25 to 2
staff-dash-legend-class-4 = 2 or more
staff-dash-legend-nodata = no responses yet
staff-dash-legend-status = Pattern: status
staff-dash-legend-under = stripes: under-represented
staff-dash-legend-inline = plain: in line
staff-dash-legend-over = dots: over-represented
staff-dash-legend-context = dashed grey: Plymouth and Torbay, not counted
staff-dash-map-source = Boundaries: { $source }

staff-dash-table-caption = Figures by district, under-represented first
staff-dash-col-area = District
staff-dash-col-responses = Responses
staff-dash-col-share = Share
staff-dash-col-expected = Expected share
staff-dash-col-ratio = Ratio
staff-dash-col-interval = 95% interval of share
staff-dash-col-status = Status
staff-dash-col-needed = Voices needed
staff-dash-status-under = Under-represented
staff-dash-status-in_line = In line
staff-dash-status-over = Over-represented
staff-dash-no-ratio = none yet
staff-dash-table-help = Ratio is share divided by expected share: 1.00 is heard exactly as expected. Status is under when the whole 95% interval is below the expected share, over when it is all above. Voices needed is how many more responses from that district would bring its share up to expected.
staff-dash-others-caption = Responses not counted in a district
staff-dash-others-outside-devon = Outside Devon (including Plymouth and Torbay)
staff-dash-others-prefer-not-to-say = Preferred not to say
staff-dash-others-unknown = No area given
staff-dash-col-where = Where

staff-dash-chart-title = Ratio of share to expected share, by district
staff-dash-chart-desc = Bars show each district's ratio; the line marks 1.0, heard exactly as expected.
staff-dash-chart-line = 1.0 = as expected

staff-dash-trend-title = Responses each week
staff-dash-trend-desc = { $weeks ->
    [one] Responses in 1 week, starting { $first }: { $total } in all.
   *[other] Responses in { $weeks } weeks, from the week starting { $first } to the week starting { $last }: { $total } in all.
}
staff-dash-trend-none = No weeks to show for these dates.
staff-dash-trend-caption = Responses each week (weeks start on Monday)
staff-dash-col-week = Week starting

staff-dash-groups-caption = Responses by district and group (exact counts)
staff-dash-channels-caption = Responses by district and channel (exact counts)
staff-dash-col-total = Total
staff-dash-group-child = Children (under 11)
staff-dash-group-young-person = Young people (11 to 25)
staff-dash-group-parent-carer = Parent carers
staff-dash-group-professional = Professionals
staff-dash-group-prefer-not-to-say = Preferred not to say
staff-dash-group-unknown = Not given
staff-dash-channel-web = Web form
staff-dash-channel-sms = Text message
staff-dash-channel-email = Email
staff-dash-channel-event = Event or paper

staff-poster-title = Poster for { $area }
staff-poster-print-hint = Print this page on A4. The links above and below are not printed.
staff-poster-back = Back to the dashboard
staff-poster-heading = Have your say
staff-poster-for = We want to hear from children, young people and families in { $area }.
staff-poster-minutes = It takes about { $minutes } minutes.
staff-poster-anonymous = You do not give your name.
staff-poster-scan = Scan the code with your phone camera.
staff-poster-or-type = Or type this:
staff-poster-help = You can ask someone to help you.
staff-dash-export-link = Download files for publication (small numbers hidden)
