# The weekly digest emailed to engagement leads, in English. Not easy read.

staff-digest-subject = Where voices are missing: week of { $date }
staff-digest-intro = These districts have fewer responses than their share of the population. The number is how many more responses from the district would bring it up to its expected share. Send the outreach link to schools, groups and services there.
staff-digest-none-open = No consultation is open.
staff-digest-responses = { $n ->
    [one] 1 response so far.
   *[other] { $n } responses so far.
}
staff-digest-figures = See the figures
staff-digest-no-responses = No responses yet.
staff-digest-none-under = No district is under-represented.
staff-digest-area = { $area }: { $needed ->
    [one] 1 more voice needed
   *[other] { $needed } more voices needed
} ({ $responses } responses so far; expected share { $expected }%)
staff-digest-link = Outreach link
staff-digest-private = This email holds no one's personal details: only counts by district.
