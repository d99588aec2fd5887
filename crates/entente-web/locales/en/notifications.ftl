nav-notifications = Notifications
notifications-title = Notifications
notifications-intro = What the coordination board found that concerns your organisations: overlaps with your actions, gaps in the states you work in, and the deadlines of those states and of your actions. Each finding is listed once, when it is first found.
notifications-empty = Nothing yet. New overlaps, gaps and deadlines that concern your organisations will appear here.
notifications-looked = Last gathered on { $date } at { $time } UTC. The list is brought up to date within a few minutes of each change to the plan, and each day.
notifications-not-looked = Your findings have not been gathered yet: they will appear here within a few minutes.
notifications-unread-count = { $count ->
    [one] 1 unread
   *[other] { $count } unread
}
notifications-show-unread = Unread only
notifications-show-all = All
notifications-filter-label = Show
notifications-mark-read = Mark as read
notifications-mark-all-read = Mark all as read
notifications-col-found = Found on
notifications-col-kind = Kind
notifications-col-state = State
notifications-col-what = What
notifications-col-actions = Actions
notifications-col-status = Status
notifications-status-unread = Unread
notifications-status-read = Read
notifications-kind-overlap = Overlap
notifications-kind-gap = Gap
notifications-kind-deadline = Deadline
notifications-days-apart = { $count ->
    [0] Their dates overlap
    [one] 1 day apart
   *[other] { $count } days apart
}
notifications-overdue-since = Overdue since { $date }
notifications-preferences-link = E-mail digest settings
notifications-feed-title = Deadline calendar
notifications-feed-intro = Subscribe to the deadlines in your calendar program with this address, adding an API token (a read token is enough) from your account page:
notifications-preferences-title = E-mail digest
notifications-preferences-intro = Receive by e-mail, once a day or once a week, the new overlaps, gaps and deadlines that concern your organisations. The digest is off unless you turn it on.
notifications-digest-legend = How often
notifications-digest-off = Never (the list on the site only)
notifications-digest-daily = Every day
notifications-digest-weekly = Every week
notifications-language-label = Language of the e-mails
notifications-save = Save
notifications-saved = Your settings are saved.
notifications-mail-subject-off = Entente: what is new for you
notifications-mail-subject-daily = Entente: what is new for you today
notifications-mail-subject-weekly = Entente: what is new for you this week
notifications-mail-intro = { $count ->
    [one] The coordination board found 1 new item that concerns your organisations.
   *[other] The coordination board found { $count } new items that concern your organisations.
}
notifications-mail-section-overlap = { $count ->
    [one] 1 overlap with your actions
   *[other] { $count } overlaps with your actions
}
notifications-mail-section-gap = { $count ->
    [one] 1 gap in the states you work in
   *[other] { $count } gaps in the states you work in
}
notifications-mail-section-deadline = { $count ->
    [one] 1 deadline
   *[other] { $count } deadlines
}
notifications-mail-more = { $count ->
    [one] …and 1 more, on the site.
   *[other] …and { $count } more, on the site.
}
notifications-mail-list = See them all on Entente
notifications-mail-preferences = Change how often you receive this e-mail, or stop it
