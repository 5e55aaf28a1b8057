# Staff pages: for council officers, in English. Not easy read (these are not shown to
# children or families), so `heard lint` does not check this file.

staff-site-name = heard for staff
staff-skip-to-content = Skip to main content
staff-error-prefix = Error:
staff-error-summary = There is a problem
staff-footer = Staff pages. Respondents are anonymous: these pages never show a phone number, email address, name or full postcode.
staff-nav-label = Staff pages
staff-nav-coverage = Coverage
staff-nav-safeguarding = Safeguarding
staff-nav-admin = Admin
staff-badge-open = open
staff-sign-out = Sign out
staff-signed-out = You have signed out.
staff-back-to-start = Back to the staff start page
staff-role-admin = admin
staff-role-lead = engagement lead
staff-role-safeguarding = safeguarding lead

staff-sign-in-title = Sign in
staff-sign-in-intro = Sign in with your work email address and password.
staff-email = Email address
staff-password = Password
staff-sign-in = Sign in
staff-sign-in-missing = Enter your email address and password
staff-sign-in-wrong = The email address or password is not right
staff-sign-in-locked = Too many tries. Wait { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
} and try again, or ask an admin to check your account.

staff-forbidden-title = You cannot open this page
staff-forbidden-text = Your role does not include this page. Ask an admin if you need it.
staff-not-found-title = Page not found
staff-not-found-text = There is no staff page at this address.
staff-wrong-method-title = This address is for sending a form
staff-wrong-method-text = Nothing was changed. Open the page with the form and send it from there.
staff-form-expired-title = The form had expired
staff-form-expired-text = Nothing was changed. Go back, reload the page and try again.
staff-bad-request-title = That request could not be understood
staff-bad-request-text = Nothing was changed.
staff-too-large-title = That was too large to send
staff-too-large-text = Nothing was changed. Send a smaller file or less text.
staff-problem-title = Sorry, there is a problem
staff-problem-text = Something went wrong on our side. Try again in a few minutes.

staff-home-title = Consultations
staff-home-intro = Choose a consultation to see who has been heard, area by area, and where voices are missing.
staff-home-none = There are no consultations yet.
staff-home-caption = Consultations, newest first
staff-consultation = Consultation
staff-dates = Dates
staff-state = State
staff-responses = Responses
staff-responses-lower = responses
staff-open = Open
staff-closed = Closed

staff-admin-title = Admin
staff-admin-consultations = Consultations
staff-admin-staff = Staff accounts
staff-admin-consultations-caption = Consultations, newest first
staff-admin-slug = Short name
staff-admin-consultation-file = Upload a consultation file
staff-admin-consultation-hint = A .toml file in heard's consultation format. A file with the same short name (slug) replaces that consultation; answers already given are kept.
staff-admin-consultation-upload = Upload consultation
staff-admin-consultation-refused = The file was not loaded. Line { $line }: { $reason }
staff-admin-choose-file = Choose a file to upload
staff-admin-file-not-text = The file must be plain text (UTF-8).
staff-admin-staff-caption = Staff accounts and their roles
staff-admin-role = Role
staff-admin-actions = Actions
staff-admin-remove = Remove
staff-admin-you = (you)
staff-admin-not-yourself = You cannot remove your own account. Ask another admin.
staff-admin-add-staff = Add a staff account
staff-admin-first-password = First password
staff-admin-first-password-hint = At least 12 characters. Give it to them in person or by phone, not by email.
staff-admin-add = Add account
staff-admin-email-wrong = Enter a work email address, like name@devon.gov.uk
staff-admin-email-taken = There is already an account with this email address
staff-admin-role-wrong = Choose a role
staff-admin-password-short = The first password must be at least { $chars } characters
staff-admin-baselines = Baselines
staff-admin-baselines-intro = A baseline says what share of responses each district should give. heard ships one from ONS mid-2020 estimates of Devon's 0 to 25 population. A consultation's own baseline comes first, then an uploaded default, then the built-in one.
staff-admin-baseline-for = Use it for
staff-admin-baseline-default = Every consultation without its own
staff-admin-baseline-file = Baseline file
staff-admin-baseline-hint = A CSV with a header row area,expected and one row per district (its id or its name). Shares are scaled to add up to 1.
staff-admin-baseline-upload = Upload baseline
staff-admin-baseline-refused = The baseline was not changed. { $reason }
staff-admin-no-consultation = There is no such consultation
staff-admin-done-consultation = The consultation was loaded.
staff-admin-done-staff-added = The account was added.
staff-admin-done-staff-removed = The account was removed.
staff-admin-done-baseline = The baseline was replaced.
staff-nav-password = Your password
staff-password-title = Change your password
staff-password-current = Your current password
staff-password-new = New password (at least 12 characters)
staff-password-again = New password again
staff-password-change = Change password
staff-password-changed = Your password has been changed.
staff-password-current-wrong = Your current password is not right
staff-password-differ = The two new passwords are not the same
staff-slow-down-title = Too many requests
staff-slow-down-text = Too many requests came from your address in a short time. Wait a minute and try again.
