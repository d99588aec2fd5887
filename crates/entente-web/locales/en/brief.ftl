# The country brief: one printable page per state.
state-brief-link = Country brief, to print or save as PDF
brief-title = Country brief: { $name }
brief-back = Full page of { $name }
brief-print-hint = To print this brief or save it as a PDF, use your browser’s Print command (Ctrl+P, or ⌘P on a Mac). The navigation is left off the paper.
brief-kicker = Country brief on the OPCAT
brief-produced = Produced on { $date } at { $time } UTC
brief-as-of = Situation as of { $date }
brief-reader-public = Public edition: only the records their owners have made public.
brief-reader-member = Includes what your organisations and alliances may see, some of it not public: share it with care.
brief-demo-mark = Demo data.
brief-demo = Some records in this brief were made up by the entente demo command to show how Entente works: they describe nothing real.
brief-status-heading = Treaty status and deadlines
brief-npm-heading = National preventive mechanism
brief-npm-records = As recorded by the coalition
brief-assessment-heading = Assessment against the OPCAT criteria, by viewpoint
brief-spt-heading = SPT visits and follow-up
brief-actions-heading = What the coalition is doing
brief-actions-caption = { $count ->
    [0] No action of the coalition that you may see from { $start } to { $end }.
    [one] One action from { $start } to { $end }.
   *[other] { $count } actions from { $start } to { $end }.
}
brief-col-action = Action
brief-col-status = Status
brief-gaps-heading = Gaps and deadlines
brief-gaps-none = No gap: the plan covers what the playbook recommends at this stage for the next six months.
brief-col-missing = What nobody plans
brief-col-why = Why it matters
brief-col-severity = Severity
brief-rows-cut = The first { $count } of { $total } are listed.
brief-board-link = Coordination board for this state
brief-actions-link = All actions of these months
brief-sources-heading = Sources and dates
brief-colophon = Produced by Entente from the UN Treaty Collection, the public sources on NPMs and the coalition’s shared records. Each viewpoint’s rating is quoted as given, never averaged.
