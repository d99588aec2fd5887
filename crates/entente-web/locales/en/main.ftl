## Site chrome

site-name = Entente
site-tagline = Campaign for the Optional Protocol to the Convention against Torture
skip-to-content = Skip to main content
nav-label = Main navigation
nav-dashboard = OPCAT dashboard
nav-treaties = Treaties
nav-api = JSON API
lang-switch-label = Language
as-of-legend = Date of the status
as-of-label = Status as of
as-of-submit = Show
as-of-today = Today
as-of-showing = Status as of { $date }.

## Footer

footer-credits-heading = Data and credits
footer-untc = Treaty status: United Nations Treaty Collection, status as at { $date }.
footer-untc-undated = Treaty status: United Nations Treaty Collection.
footer-countries = Country names, codes and M49 regions: datasets/country-codes (United Nations Statistics Division, UNTERM).
footer-groups = UN regional groups: the list published by openclimatedata/countrygroups.
footer-map = Map: Natural Earth, via world-atlas.
footer-npm = National preventive mechanism facts compiled from OHCHR, the Association for the Prevention of Torture (APT) and national sources.
footer-sources-summary = { $count ->
    [one] The source of the facts shown (1)
   *[other] The { $count } sources of the facts shown
}
footer-source-as-of = as at { $date }
footer-about = Entente is free software for coordinating the OPCAT campaign. Boundaries on the map do not imply any opinion on the legal status of any territory.

## Dates and durations

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }
duration-years = { $count ->
    [one] 1 year
   *[other] { $count } years
}
duration-months = { $count ->
    [one] 1 month
   *[other] { $count } months
}
duration-years-months = { $years }, { $months }
duration-under-month = less than a month

## OPCAT stages

stage-not-cat-party = Not a party to CAT
stage-cat-party-not-signed = CAT party, OPCAT not signed
stage-signatory = Signatory
stage-party-npm-pending = Party, NPM not yet designated
stage-npm-designated = NPM designated
stage-npm-operating = NPM operating
stage-npm-meets-criteria = NPM meets the OPCAT criteria
stage-none = No data
stage-number = Stage { $number } of 7

## UN regional groups

group-african = African Group
group-asia-pacific = Asia-Pacific Group
group-eastern-european = Eastern European Group
group-grulac = Latin American and Caribbean Group (GRULAC)
group-weog = Western European and Others Group (WEOG)
group-none = No regional group

## M49 regions and sub-regions

m49-002 = Africa
m49-019 = Americas
m49-142 = Asia
m49-150 = Europe
m49-009 = Oceania
m49-015 = Northern Africa
m49-202 = Sub-Saharan Africa
m49-014 = Eastern Africa
m49-017 = Middle Africa
m49-018 = Southern Africa
m49-011 = Western Africa
m49-419 = Latin America and the Caribbean
m49-029 = Caribbean
m49-013 = Central America
m49-005 = South America
m49-021 = Northern America
m49-143 = Central Asia
m49-030 = Eastern Asia
m49-035 = South-eastern Asia
m49-034 = Southern Asia
m49-145 = Western Asia
m49-151 = Eastern Europe
m49-154 = Northern Europe
m49-039 = Southern Europe
m49-155 = Western Europe
m49-053 = Australia and New Zealand
m49-054 = Melanesia
m49-057 = Micronesia
m49-061 = Polynesia

## Treaties

treaty-cerd = International Convention on the Elimination of All Forms of Racial Discrimination
treaty-cerd-short = ICERD
treaty-iccpr = International Covenant on Civil and Political Rights
treaty-iccpr-short = ICCPR
treaty-iccpr_op1 = Optional Protocol to the International Covenant on Civil and Political Rights
treaty-iccpr_op1-short = ICCPR-OP1
treaty-iccpr_op2 = Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty
treaty-iccpr_op2-short = ICCPR-OP2
treaty-icescr = International Covenant on Economic, Social and Cultural Rights
treaty-icescr-short = ICESCR
treaty-icescr_op = Optional Protocol to the International Covenant on Economic, Social and Cultural Rights
treaty-icescr_op-short = ICESCR-OP
treaty-cedaw = Convention on the Elimination of All Forms of Discrimination against Women
treaty-cedaw-short = CEDAW
treaty-cedaw_op = Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women
treaty-cedaw_op-short = CEDAW-OP
treaty-cat = Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment
treaty-cat-short = CAT
treaty-opcat = Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment
treaty-opcat-short = OPCAT
treaty-crc = Convention on the Rights of the Child
treaty-crc-short = CRC
treaty-crc_op_ac = Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict
treaty-crc_op_ac-short = OPAC
treaty-crc_op_sc = Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography
treaty-crc_op_sc-short = OPSC
treaty-crc_op_ic = Optional Protocol to the Convention on the Rights of the Child on a communications procedure
treaty-crc_op_ic-short = OPIC
treaty-cmw = International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families
treaty-cmw-short = ICMW
treaty-crpd = Convention on the Rights of Persons with Disabilities
treaty-crpd-short = CRPD
treaty-crpd_op = Optional Protocol to the Convention on the Rights of Persons with Disabilities
treaty-crpd_op-short = CRPD-OP
treaty-ced = International Convention for the Protection of All Persons from Enforced Disappearance
treaty-ced-short = ICPPED

## Participation, consent and events

participation-no-action = No action
participation-signatory = Signatory
participation-party = Party
participation-withdrawn = Withdrawn
consent-ratification = Ratification
consent-accession = Accession
consent-succession = Succession
consent-acceptance = Acceptance
consent-approval = Approval
event-signature = Signature
event-ratification = Ratification
event-accession = Accession
event-succession = Succession
event-acceptance = Acceptance
event-approval = Approval
event-art24-declaration-part-iii = Art. 24 declaration postponing Part III (visits of the Subcommittee)
event-art24-declaration-part-iv = Art. 24 declaration postponing Part IV (national preventive mechanism)
event-art24-extension = Art. 24 postponement extended by the Committee against Torture
event-npm-designation = National preventive mechanism designated
event-npm-notification = NPM designation notified to the United Nations
event-npm-operation = NPM operating (visits or reports)
event-npm-meets-criteria = NPM assessed as meeting the OPCAT criteria
event-spt-visit = Visit of the Subcommittee on Prevention of Torture
event-denunciation = Denunciation
art24-part-iii = Part III (visits of the Subcommittee on Prevention of Torture)
art24-part-iv = Part IV (national preventive mechanism)
violation-consent-without-cat-party = Ratified or acceded on { $date } without being a party to CAT on that day
violation-signature-without-cat = Signed on { $date } without having signed or joined CAT by then

## Table columns

col-state = State
col-treaty = Treaty
col-short = Abbreviation
col-mtdsg = UN depositary no.
col-parties = Parties
col-signatories = Signatories
col-signature = Signature
col-consent = Ratification, accession or succession
col-consent-kind = Kind
col-participation = Status
col-region = Region
col-group = UN regional group
col-stage = Stage
col-total = Total
col-date = Date
col-entry-into-force = Entry into force
col-npm-due = NPM due
col-overdue-by = Overdue by
col-finding = Finding

## Dashboard

dashboard-title = OPCAT around the world
dashboard-lead = The Optional Protocol to the Convention against Torture (OPCAT) opens every place of detention to independent preventive visits, by a national preventive mechanism (NPM) and by the UN Subcommittee on Prevention of Torture. This page shows where each state stood on { $date }.
figure-parties = { $count ->
    [one] state party
   *[other] states parties
}
figure-signatories = { $count ->
    [one] signatory not yet a party
   *[other] signatories not yet parties
}
figure-overdue = { $count ->
    [one] party with its NPM overdue
   *[other] parties with their NPM overdue
}
map-heading = Map of OPCAT stages
map-title = World map of OPCAT stages on { $date }
map-desc = Each state is coloured by its OPCAT stage and links to its page. The tables below give the same information.
legend-heading = Stages
legend-total = { $count ->
    [one] 1 state
   *[other] { $count } states
}
groups-heading = Stages by UN regional group
groups-caption = Number of states at each OPCAT stage, by UN regional group
group-states-summary = States of the { $group } ({ $count })
no-group-states-summary = States outside the UN regional groups ({ $count })
chart-heading = States parties over time
chart-title = Number of states parties to OPCAT, { $start } to { $end }
chart-desc = A step line that rises with each ratification, accession or succession. The table below gives the same figures.
chart-y-axis = States parties
chart-table-summary = The same figures as a table
chart-table-caption = Number of states parties after each change
overdue-heading = National preventive mechanisms overdue
overdue-lead = Article 17 requires each state party to have a national preventive mechanism at the latest one year after OPCAT enters into force for it, later if it postponed Part IV under Article 24. No designation is recorded for these states.
overdue-none = No national preventive mechanism is overdue on this date.
violations-heading = Questions raised by Article 27
violations-lead = Article 27 opens OPCAT signature to states that signed the Convention against Torture, and ratification or accession to its states parties. The data show the following cases; they are reported as found, not corrected.

## State page

state-title = { $name }: treaty status
state-formal-name = Formal name
state-iso3 = ISO 3166 code
state-region = Region
state-subregion = Sub-region
state-group = UN regional group
state-opcat-heading = OPCAT status
state-stage = Current stage
state-entry-into-force = Entry into force for the state
state-npm-due = National preventive mechanism due (Art. 17)
state-npm-overdue = Overdue by { $duration }
state-npm-in-time = Not overdue
state-npm-designated = National preventive mechanism designated
state-postponement = Art. 24 postponement
state-postponement-end = Postponement ends
state-not-in-force = OPCAT is not in force for this state on this date.
state-treaties-heading = Core human rights treaties
state-treaties-caption = Status under the 18 core international human rights instruments
state-timeline-heading = OPCAT timeline
state-timeline-empty = No OPCAT event is recorded up to this date.
source-label = Source:
source-as-of = as at { $date }
note-label = Note:
state-violations-heading = Questions raised by Article 27

## Treaties

treaties-title = Core international human rights treaties
treaties-lead = The 18 core international human rights instruments and their states parties on { $date }.
treaties-caption = Core human rights treaties with their number of parties and signatories
treaty-untc-link = Status at the United Nations Treaty Collection
treaty-opened = Opened for signature in { $year }
treaty-depositary = UN depositary no. { $number }
filter-heading = Filter the participants
filter-region = M49 region
filter-group = UN regional group
filter-any = All
filter-submit = Apply
filter-reset = Clear the filters
participants-heading = Participants
participants-caption = States that have signed or joined the treaty
participants-count = { $total ->
    [one] 1 participant
   *[other] { $total } participants
}: { $parties ->
    [one] 1 party
   *[other] { $parties } parties
}, { $signatories ->
    [one] 1 signatory
   *[other] { $signatories } signatories
}.
participants-empty = No state matches these filters on this date.

## Errors

error-heading = Something is not right
error-state_not_found = No state has the code “{ $subject }”. Use an ISO 3166-1 alpha-3 code, such as FRA.
error-treaty_not_found = No treaty has the identifier “{ $subject }”.
error-not_found = There is no page at { $subject }.
error-invalid_as_of = The date “{ $subject }” is not valid. Write it as YYYY-MM-DD, for example 2008-11-11.
error-invalid_parameter = The value of the parameter “{ $subject }” cannot be used.
error-internal = Something went wrong on our side. Please try again later.
error-back = Back to the OPCAT dashboard
error-unauthenticated = Please sign in to see this page.
error-invalid_token = The API token is not valid: it is unknown, revoked, or its account is disabled.
error-token_read_only = This API token is read-only; use a read-write token to change anything.
error-csrf_rejected = This form has expired or did not come from this site. Go back, reload the page and try again.
nav-sign-in = Sign in
nav-sign-out = Sign out
login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-wrong = The e-mail address or the password is wrong.
login-locked = Too many failed attempts. Try again in { $minutes } minutes.
login-notice-password-set = Your password is set. You can sign in now.
account-title = Your account
account-signed-in-as = Signed in as { $name } ({ $email }).
account-site-admin = You are a site administrator.
account-orgs-heading = Your organisations
account-no-orgs = You are not a member of any organisation yet.
account-col-org = Organisation
account-col-role = Role
role-viewer = Viewer
role-editor = Editor
role-admin = Administrator
account-tokens-heading = API tokens
account-tokens-lead = Programs use a token to read or change data through the JSON API, on your behalf. Revoke any token you no longer use.
account-no-tokens = You have no active API tokens.
account-col-name = Name
account-col-scope = Access
account-col-created = Created
account-col-last-used = Last used
account-never-used = never
account-revoke = Revoke
token-scope-read = Read only
token-scope-read_write = Read and write
account-token-create-heading = Create a token
account-token-name = Name (what the token is for)
account-token-scope = Access
account-token-create = Create the token
account-token-name-blank = Give the token a name.
account-sessions-heading = Sessions
account-sessions-lead = Signing out everywhere ends every session of your account, on every device, this one included.
account-logout-everywhere = Sign out everywhere
token-created-title = Your new API token
token-created-warning = Copy this token now: it is shown only once. Anyone who has it can act as you through the API, so keep it secret.
token-created-back = Back to your account
set-password-title = Set your password
set-password-lead = Choose a password of at least { $min } characters. A long phrase that only you would think of is best.
set-password-new = New password
set-password-confirm = The same password again
set-password-submit = Set the password
set-password-mismatch = The two passwords are not the same.
set-password-link-invalid = This link does not work any more: it was used already or it has expired. Ask your organisation's administrator for a new one.
password-too_short = The password is too short: use at least { $min } characters.
password-too_long = The password is too long: use at most { $max } characters.
password-too_common = This password is too common or too easy to guess. Choose another.
password-contains_personal_info = The password must not contain your name or your e-mail address.
# Two-factor sign-in (account page, enrolment, the second step of signing in)
account-2fa-heading = Two-factor sign-in
account-2fa-on = Two-factor sign-in is on.
account-2fa-off = Two-factor sign-in is off: your password alone lets anyone sign in as you.
account-2fa-manage = Manage two-factor sign-in
account-2fa-recovery-left = { $count ->
    [one] One recovery code is left.
   *[other] { $count } recovery codes are left.
}
twofa-title = Two-factor sign-in
twofa-required = As an administrator on this instance, you must turn on two-factor sign-in before you continue.
twofa-enrol-lead = Add your account to an authenticator app: open the link on the device that has the app, or type the key into it. Then type the 6-digit code the app shows.
twofa-secret-label = Key
twofa-open-app = Open in an authenticator app
twofa-code = Code from your app
twofa-enable = Turn on two-factor sign-in
twofa-code-wrong = This code is not right, or it was used already. Type the current code from your app.
twofa-on-lead = Two-factor sign-in is on. If you lose your device, each recovery code signs you in once.
twofa-recovery-title = Your recovery codes
twofa-recovery-warning = Keep these codes somewhere safe, away from your device: each one signs you in once if you lose it. They are shown only now.
twofa-regenerate-heading = New recovery codes
twofa-regenerate-lead = New codes replace all the old ones.
twofa-regenerate = Make new recovery codes
twofa-disable-heading = Turn off two-factor sign-in
twofa-password = Your password
twofa-code-or-recovery = Code from your app, or a recovery code
twofa-disable = Turn off two-factor sign-in
twofa-password-wrong = The password is wrong.
login-2fa-title = Sign in: second step
login-2fa-lead = Type the 6-digit code from your authenticator app, or one of your recovery codes.
login-2fa-submit = Sign in
error-two_factor_required = Turn on two-factor sign-in on your account page before you continue.
error-org_not_found = No organisation has the short name “{ $subject }”.
error-alliance_not_found = No alliance has the number “{ $subject }”.
error-forbidden = Your role does not allow this change. Ask an administrator of the organisation.
error-invalid_field = The field “{ $subject }” cannot be used as given.
error-conflict = This change clashes with what is already recorded.
error-action_not_found = No action has the number “{ $subject }”.
error-invalid_fields = Some fields cannot be used as given, starting with “{ $subject }”.
nav-workspace = Workspace
nav-orgs = Organisations
nav-alliances = Alliances
nav-audit = Audit log
orgs-title = Organisations
orgs-lead = The organisations taking part in the campaign whose directory entry you may see.
orgs-none = No organisation is listed for you.
orgs-col-name = Name
orgs-col-kind = Kind
org-short-name = Short name
org-website = Website
org-visibility = Directory entry visible to
org-members-heading = Members
org-col-member = Member
org-col-email = E-mail
org-col-actions = Change
org-change-role = Change the role
org-remove-member = Remove
org-role-invalid = Role: choose viewer, editor or administrator.
org-last-admin = This would leave the organisation without an administrator. Make another member an administrator first.
org-settings-heading = Settings
org-settings-lead = What the directory shows about the organisation, and to whom. The short name stays, since addresses use it.
org-description = Description
org-settings-submit = Save the settings
org-name-blank = Name: give the organisation a name.
org-kind-invalid = Kind: choose one of the options.
org-website-invalid = Website: give an address starting with http:// or https://, such as https://www.example.org, or leave it empty.
org-visibility-invalid = Directory entry visible to: choose one of the options.
org-kind-government_body = Government body
org-kind-parliament = Parliament
org-kind-nhri = National human rights institution
org-kind-national_ngo = National NGO
org-kind-international_ngo = International NGO
org-kind-regional_body = Regional body
org-kind-un_body = UN body
org-kind-professional_association = Professional association
org-kind-academia = Academia
org-kind-media = Media
org-kind-donor = Donor
org-kind-supportive_state = Supportive state
org-kind-other = Other
visibility-private = Members of the organisation only
visibility-alliance = Members of its alliances
visibility-public = Everyone
invite-heading = Invite someone
invite-lead = The next page shows a link that works once, for seven days. Entente does not send e-mail yet: copy the link and send it to the person yourself.
invite-submit = Create the invitation
invite-email-invalid = E-mail: give an address such as name@example.org.
invite-created-title = Invitation created
invite-created-lead = Send this link to the person you invite. They sign in with the invited e-mail address and accept.
invite-created-warning = Copy the link now: it is shown only once. No e-mail has been sent.
invite-created-back = Back to the organisation
invite-link = Invitation link
invite-expires = Valid until
invitation-title = Invitation to join an organisation
invitation-sign-in-first = Sign in first with the invited e-mail address; this link brings you back here.
invitation-other-email = This invitation was sent to another e-mail address. Sign in with that address to accept it.
invitation-accept = Accept and join
audit-title = Audit log
audit-lead = Every change to your organisations and their members, newest first. Reading this page is not itself recorded.
audit-org = Organisation
audit-action = Action
audit-any = Any
audit-filter = Filter
audit-none = No entries match.
audit-col-at = When
audit-col-actor = Who
audit-col-detail = Detail
audit-newer = Newer entries
audit-older = Older entries
alliances-title = Alliances
alliances-lead = Coalitions of organisations that share their work on the campaign.
alliances-none = No alliance is visible to you.
alliance-purpose = Purpose
alliance-owner = Owned by
alliance-visibility = Visible to
alliance-visibility-private = The owner’s members only
alliance-visibility-alliance = Members of the alliance’s organisations
alliance-visibility-public = Everyone
alliance-create-heading = Create an alliance
alliance-create = Create the alliance
alliance-name-blank = Name: give the alliance a name.
alliance-owner-invalid = Owned by: choose an organisation you administer.
alliance-visibility-invalid = Visible to: choose one of the options.
alliance-add-heading = Add an organisation
alliance-add = Add
alliance-org-unknown = Short name: no organisation you can see has this short name.
alliance-member-conflict = This organisation is a member already, or owns the alliance and cannot leave it.

## Campaign actions

nav-actions = Actions
actions-title = Campaign actions
actions-lead = Who is doing what, where and when: the actions of the coalition that you can see.
actions-new = Record an action
actions-calendar-link = Calendar view
actions-list-link = List view
actions-filter-heading = Filter the actions
actions-filter-state = State
actions-filter-region = UN regional group
actions-filter-type = Kind of action
actions-filter-phase = Phase
actions-filter-level = Level
actions-filter-status = Status
actions-filter-org = Organisation
actions-filter-from = From
actions-filter-to = To
actions-found-heading = Actions found
actions-none = No action that you can see matches.
actions-range = { $start }–{ $end } of { $total }
actions-range-more = { $start }–{ $end } of more than { $total }
actions-pages = Pages of results
actions-previous = Previous page
actions-next = Next page
action-status-idea = Idea
action-status-planned = Planned
action-status-under-way = Under way
action-status-done = Done
action-status-cancelled = Cancelled
action-phase-ratification = Ratification
action-phase-implementation = Implementation
action-level-international = International
action-level-regional = Regional
action-level-national = National
action-audience-executive = Executive
action-audience-legislature = Legislature
action-audience-nhri = National human rights institution
action-audience-npm = National preventive mechanism
action-audience-judiciary = Judiciary
action-audience-public = General public
action-audience-civil-society = Civil society
action-audience-un-body = UN body
action-audience-regional-body = Regional body
action-visibility-private = Members of the lead organisation only
action-visibility-alliance = Members of the alliances it is shared with
action-visibility-public = Everyone
action-org-hidden = An organisation not listed for you
action-dates-range = { $start } – { $end }
action-dates-due = due { $date }
action-dates-none = No date yet
action-field-title = Title
action-field-description = Description
action-field-action_type = Kind of action
action-field-phase = Phase
action-field-level = Level
action-field-states = Target states
action-field-audiences = Target audiences
action-field-lead = Lead organisation
action-field-partners = Partners
action-field-dates = Dates
action-field-start = Start
action-field-end = End
action-field-due = Due by
action-field-status = Status
action-field-budget = Budget
action-field-budget_amount = Budget amount
action-field-budget_currency = Currency
action-field-staff_days = Staff days
action-field-expected_outcome = Expected outcome
action-field-actual_outcome = Actual outcome
action-field-outcome_event = Treaty event it contributed to
action-field-documents = Documents
action-field-visibility = Visible to
action-field-shared_with = Shared with the alliances
action-partners-hidden = { $count ->
    [one] and one organisation not listed for you
   *[other] and { $count } organisations not listed for you
}
action-none-given = None given
action-history-heading = Status history
action-history-entry = { $name } since { $date }
action-edit = Edit this action
action-delete = Delete this action
action-back = Back to the actions
action-delete-title = Delete “{ $name }”?
action-delete-explain = The action and its status history will be deleted for everyone. The audit log keeps a record of the deletion.
action-delete-confirm = Yes, delete the action
action-new-title = Record a campaign action
action-edit-title = Edit “{ $name }”
action-form-create = Record the action
action-form-save = Save the changes
action-form-errors-heading = { $count ->
    [one] The action was not saved: one field needs attention.
   *[other] The action was not saved: { $count } fields need attention.
}
action-form-what = What
action-form-where = Where and whom
action-form-who = Who
action-form-when = When
action-form-means = Budget and staff time
action-form-outcome = Outcome
action-form-documents-hint = A title and a web address (https://…) for each document; leave a row empty to skip it.
action-form-document-title = Document title
action-form-document-url = Web address
action-form-document-row = Document { $number }
action-form-date-hint = Day, month, year: 12/03/2026 for 12 March 2026, or 2026-03-12.
action-form-budget-hint = An amount, with a comma or a point for decimals, and an ISO 4217 currency code such as EUR, USD or CHF.
action-form-choose = Choose…
action-form-no-partners = No other organisation is listed for you.
action-form-shared-hint = Only for “Members of the alliances it is shared with”; the lead organisation must belong to them.
action-form-no-alliances = No alliance is listed for you.
action-form-cancel = Cancel
action-error-required = This field is required.
action-error-start-required = An action under way needs a start date.
action-error-too-long = This text is too long.
action-error-duplicate = A value is given twice.
action-error-partner-is-lead = The lead organisation cannot also be a partner.
action-error-end-before-start = The end is before the start.
action-error-negative = Give zero or more.
action-error-not-a-web-address = Give a web address starting with http:// or https://.
action-error-invalid-visibility = Choose who sees the action; to share it with alliances, tick at least one.
action-error-unknown-organisation = No organisation you can see has this name.
action-error-partners-unknown-organisation = A partner is an organisation not listed for you; its administrators or the site administrator can change this action.
action-error-not-in-alliance = The lead organisation does not belong to this alliance.
action-error-unknown-event = The treaty data holds no such event.
action-error-unknown-state = This is not a state Entente knows.
action-error-unknown-action-type = This is not a kind of action of this instance.
action-error-unknown-currency = This is not an ISO 4217 currency code (for example EUR, USD, CHF).
action-error-not-an-amount = This is not an amount: write 1234.50 or 1 234,50.
action-error-too-many-decimals = The amount has more decimals than the currency has.
action-error-too-large = This amount is too large.
action-error-not-a-date = This is not a date: write 2026-03-12 or 12/03/2026.
action-error-not-a-number = This is not a number.
action-error-invalid-choice = Choose one of the options.
action-error-not-editor = Choose an organisation for which you are an editor or administrator.
calendar-title = Calendar of campaign actions
calendar-caption = Actions in { $month } { $year }
calendar-previous = Previous month
calendar-next = Next month
calendar-empty = No action that you can see falls in this month.
calendar-due = due
calendar-week = Week of { $date }
calendar-capped = The first { $count } of the { $total } actions of this month that you can see; narrow the filters to see the others.
calendar-capped-more = The first { $count } of more than { $total } actions of this month that you can see; narrow the filters to see the others.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
state-actions-heading = Campaign actions
state-actions-count = { $count ->
    [one] One campaign action on this state that you can see.
   *[other] { $count } campaign actions on this state that you can see.
}
state-actions-none = No campaign action on this state that you can see.
state-actions-count-more = More than { $count } campaign actions on this state that you can see.
state-actions-all = All the actions on this state
state-actions-calendar = Their calendar

# The directory's profile, alliance reach and contacts.
org-import-link = Import actions from a spreadsheet
org-contacts-link = Contacts
contacts-title = Contacts
contacts-lead = The people at this organisation that you may see. Contacts are personal data: only the organisation’s members see them, unless one of its admins shares a contact with an alliance; every read from outside the organisation is in its audit log.
contacts-none = No contact that you may see.
contact-role = Role
contact-phone = Phone
contact-languages = Languages
contact-languages-hint = Language codes separated by commas, such as en, fr, es.
contact-consent = Consent to be contacted
contact-consent-yes = Yes
contact-consent-no = No
contact-consent-label = Agreed to be contacted by other organisations
contact-notes = Notes
contact-shared-with = Shared with the alliances
contact-share-admin-only = Only an admin of the organisation may share a contact with an alliance.
contact-save = Save the contact
contact-delete = Delete the contact
contact-edit-heading = Change the contact
contact-new-heading = Add a contact
contact-name-blank = Give the person’s name.
contact-email-invalid = Give an e-mail address such as name@example.org, or leave it blank.
contact-languages-invalid = Give language codes of two or three letters, such as en, fr, es.
contact-visibility-invalid = A contact is personal data: keep it within the organisation, or share it with its alliances.
contact-shared-with-invalid = Choose at least one alliance the organisation belongs to, or keep the contact within the organisation.
error-contact_not_found = No contact has the number “{ $subject }”.
dir-level = Level
dir-level-international = International
dir-level-regional = Regional
dir-level-national = National
dir-sectors = Sectors
dir-sector-torture-prevention = Torture prevention
dir-sector-human-rights = Human rights
dir-sector-legal = Legal
dir-sector-health = Health
dir-sector-detention = Detention
dir-sector-children = Children
dir-sector-women = Women
dir-sector-disability = Disability
dir-sector-migration = Migration
dir-sector-other = Other
dir-states = States of work
dir-states-hint = Three-letter ISO codes separated by commas or spaces, such as FRA, SEN, MEX.
dir-states-invalid = One of these codes names no state: use three-letter ISO codes such as FRA.
dir-states-unknown = These codes name no state: { $subject }. Use three-letter ISO codes such as FRA.
dir-regions = Regional groups of work
dir-state = State
dir-region = Regional group
dir-filter-any = Any
dir-filter-submit = Filter
dir-level-invalid = Choose a level.
alliance-area = Where it campaigns
alliance-area-save = Save where it campaigns
alliance-reach-heading = Reach
alliance-reach-lead = Counted over the member organisations you may see.
alliance-reach-members = Members counted
alliance-reach-states = States covered
alliance-reach-none = None

search-title = Search
search-lead = Find actions, organisations and alliances by their words, in English, French or Spanish, with or without accents. Only what you may see is found.
search-label = Words to find
search-kind-label = Among
search-kind-all = Everything
search-kind-action = Actions
search-kind-organisation = Organisations
search-kind-alliance = Alliances
search-submit = Search
search-header-label = Search the plan
search-none = Nothing found among what you may see.
search-heading-action = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
search-heading-organisation = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
}
search-heading-alliance = { $count ->
    [one] 1 alliance
   *[other] { $count } alliances
}
search-all-action = See all { $count } actions
search-all-organisation = See all { $count } organisations
search-all-alliance = See all { $count } alliances
search-heading-action-more = More than { $count } actions
search-heading-organisation-more = More than { $count } organisations
search-heading-alliance-more = More than { $count } alliances
search-all-action-more = See all the actions (more than { $count })
search-all-organisation-more = See all the organisations (more than { $count })
search-all-alliance-more = See all the alliances (more than { $count })
search-problem-no-search-terms = Give at least one word that is not a common word such as “the”, “de” or “y”.
search-problem-too-long = A search is at most 200 characters.
search-problem-too-many-words = A search has at most 12 words.
search-pages = Pages of results
search-previous = Previous results
search-next = Next results

import-title = Import actions · { $name }
import-heading = Import actions from a spreadsheet
import-lead = Upload a CSV file or an XLSX workbook of actions. Entente reads every row first and shows what it found; nothing is recorded until you import, and then all rows are recorded or none. Rows without a lead organisation are led by this one.
import-upload-heading = Choose a file
import-file = CSV or XLSX file (20 MB at most)
import-preview-button = Read the file
import-no-file = Choose a file to read.
import-unreadable = The file cannot be read:
import-preview-heading = What the file holds
import-rows-read = { $count ->
    [one] One row read
   *[other] { $count } rows read
}
import-mapping-problems = Some columns cannot be read yet. Choose a field for each unknown header below, or leave the column out, and read the file again.
import-errors = { $count ->
    [one] One value is refused. Correct it in the file and read it again; nothing was recorded.
   *[other] { $count } values are refused. Correct them in the file and read it again; nothing was recorded.
}
import-col-line = Line
import-col-field = Field
import-col-value = Value
import-col-reason = Reason
import-mapping-heading = How each column is read
import-col-header = Header in the file
import-col-reads-as = Read as
import-col-choice = Your choice
import-unknown = unknown header
import-left-out = left out
import-recognised = recognised by its name
import-choose-automatic = As Entente reads it
import-preview-again = Read again with these choices
import-confirm = { $count ->
    [one] Import the row
   *[other] Import all { $count } rows
}
import-done = { $count ->
    [one] One action was imported. The way this file’s columns were read is remembered for your next import.
   *[other] { $count } actions were imported. The way this file’s columns were read is remembered for your next import.
}
import-done-link = See the organisation’s actions

# Coordination board
nav-board = Coordination
board-title = Coordination board
board-lead = Where the plans the coalition shares could be coordinated: actions that overlap, gaps in the work each state needs, deadlines, and partners to seek. Drawn only from the actions you may read.
board-filter-heading = Filter the board
board-filter-alliance = Alliance
board-filter-as-of = As of
board-org-unseen = An organisation not in your directory
board-overlaps-heading = Overlaps
board-overlaps-lead = Actions of different organisations on the same state and audience within 30 days of each other, closest first.
board-overlaps-none = No overlapping actions.
board-overlaps-caption = { $count ->
    [one] One overlap in all (at most 50 shown)
   *[other] { $count } overlaps in all (at most 50 shown)
}
board-col-audience = Audience
board-col-first = First action
board-col-second = Second action
board-col-days-apart = Days apart
board-col-opportunity = Opportunity
board-opportunity-joint = A joint action
board-opportunity-sequence = A sequence to agree
board-gaps-heading = Gaps
board-gaps-lead = What the playbook recommends at each state’s stage that no planned or under-way action covers in the next six months, overdue obligations first.
board-gaps-none = No gaps.
board-gaps-caption = Gaps by state, overdue obligations first
board-map-title = Gaps in the work on each state on { $date }
board-map-desc = A world map on which each state with gaps is coloured by its most severe gap; the table below lists the same gaps.
board-col-stage = Stage
board-col-missing = What is missing
board-col-why = Why
board-col-severity = Severity
board-severity-high = High
board-severity-medium = Medium
board-severity-low = Low
board-severity-none = No gap found, or not analysed
board-legend-heading = Each state’s most severe gap
board-gap-missing-action = No action of the kind “{ $subject }”
board-gap-untouched-audience = Nobody works with the { $subject }
board-gap-no-national-partner = Only international pressure: no national partner
board-gap-no-international-leverage = Only national pressure: no international leverage
board-gap-one-sector-only = One sector only: { $subject }
board-why-npm-overdue = Its NPM is overdue under Art. 17; at this stage since { $date }
board-why-stage = The playbook recommends it at this stage, reached on { $date }
board-deadlines-heading = Deadlines
board-deadlines-none = No deadlines.
board-rows-cut = The first { $count } of { $total } are listed; the filters narrow them.
board-overdue = Overdue:
board-deadline-npm-due = NPM to designate (Art. 17)
board-deadline-postponement-end = End of the Art. 24 postponement of { $subject }
board-deadline-action-due = Action due
board-partners-heading = Partners to seek
board-partners-legend = Suggest partners for one of your organisations in a state
board-partner-org = Your organisation
board-partner-state = State
board-partners-submit = Suggest partners
board-partners-none = No organisation to suggest there.
board-reason-acts-there = { $count ->
    [one] Has one open action there
   *[other] Has { $count } open actions there
}
board-reason-works-there = Works in this state
board-reason-works-in-region = Works in the { $group }
board-reason-other-level = Works at another level: { $subject }
board-reason-new-sectors = Brings other sectors: { $subject }
contact-delete-title = Delete the contact “{ $name }”?
contact-delete-explain = This person’s details will be deleted for your organisation and for every alliance it was shared with. The audit log keeps a record of the deletion, without the details.
contact-delete-confirm = Yes, delete the contact
