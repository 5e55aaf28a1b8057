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
staff-form-expired-title = The form had expired
staff-form-expired-text = Nothing was changed. Go back, reload the page and try again.
staff-bad-request-title = That request could not be understood
staff-bad-request-text = Nothing was changed.
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
