# Importing recommendations from a spreadsheet, and the open
# recommendations no action pushes on the coordination board.
recimport-title = Import recommendations · { $name }
recimport-heading = Import recommendations from a spreadsheet
recimport-lead = Upload a CSV file or an XLSX workbook of the recommendations this organisation follows: one row each, with its state, the body that made it (SPT, Committee against Torture, UPR, CPT, Inter-American or African Commission, NPM), the source document, the text and, if you have them, its themes, its status and who may see it. Entente reads every row first and shows what it found; nothing is recorded until you import, and then all rows are recorded or none. Without a visibility, a recommendation stays private to this organisation.
recimport-done = { $count ->
    [one] One recommendation was imported. The way this file’s columns were read is remembered for your next import.
   *[other] { $count } recommendations were imported. The way this file’s columns were read is remembered for your next import.
}
recimport-done-link = See the recommendations
recs-import = Import from a spreadsheet for { $name }
unpushed-heading = Recommendations no action pushes
unpushed-lead = Open recommendations (neither implemented nor refused) that no planned, under-way or done action you can see is linked to. Link an action to a recommendation on its page once someone takes it up.
unpushed-none = Every open recommendation you can see is pushed by at least one action.
unpushed-caption = Open recommendations without an action, by state
unpushed-col-body = Body
unpushed-col-source = Source
unpushed-col-recommendation = Recommendation
unpushed-col-status = Follow-up
