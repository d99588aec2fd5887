//! Spreadsheet files as coalitions send them: French semicolon CSV with a
//! byte order mark, Windows-1252 CSV, XLSX workbooks with real date cells,
//! and the files that are no spreadsheet at all.

use entente_io::plan::{SheetError, read_sheet};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::common::fixture;

#[test]
fn reads_french_semicolon_csv_with_a_byte_order_mark() {
    let sheet = read_sheet(&fixture("plan/actions_fr.csv"), "actions_fr.csv").unwrap();
    assert_eq!(sheet.headers.len(), 14);
    assert_eq!(sheet.headers[0], "Titre", "the byte order mark is gone");
    assert_eq!(sheet.headers[8], "Date de début");
    assert_eq!(sheet.rows.len(), 3, "the blank line is skipped");
    assert_eq!(
        sheet.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [2, 3, 5]
    );
    assert_eq!(sheet.rows[1].cells[0], "Séminaire « OPCAT ; et après ? »");
    assert_eq!(sheet.rows[0].cells[5], "exécutif; parlement");
}

#[test]
fn reads_windows_1252_csv_with_commas() {
    let bytes = fixture("plan/actions_cp1252.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    let sheet = read_sheet(&bytes, "actions_cp1252.csv").unwrap();
    assert_eq!(sheet.headers[6], "Date de début");
    assert_eq!(sheet.rows[0].cells[4], "Sénégal");
    assert_eq!(sheet.rows[0].cells[8], "2 000,00");
    assert_eq!(sheet.rows[1].cells[4], "Côte d'Ivoire");
}

#[test]
fn reads_tab_separated_and_utf16_text() {
    let text = "title\tstates\nLetter\tFRA\n";
    let sheet = read_sheet(text.as_bytes(), "tabs.txt").unwrap();
    assert_eq!(sheet.headers, ["title", "states"]);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read_sheet(&utf16, "unicode.txt").unwrap(), sheet);
}

#[test]
fn keeps_rows_with_a_wrong_number_of_values_for_the_reader() {
    let sheet = read_sheet(b"a;b;c\n1;2\n1;2;3;4\n1;2;3;;\n", "short.csv").unwrap();
    let lengths: Vec<usize> = sheet.rows.iter().map(|r| r.cells.len()).collect();
    assert_eq!(lengths, [2, 4, 5]);
}

#[test]
fn reads_the_first_worksheet_of_a_workbook_with_dates_as_iso_text() {
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    for (column, header) in ["Titre", "Date de début", "Montant", "Pays"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Atelier").unwrap();
    let date = ExcelDateTime::from_ymd(2025, 3, 31).unwrap();
    sheet
        .write_datetime_with_format(1, 1, &date, &date_format)
        .unwrap();
    sheet.write_number(1, 2, 1500.5).unwrap();
    sheet.write_string(1, 3, "France").unwrap();
    // A blank row, then a row with a whole number.
    sheet.write_string(3, 0, "Lettre").unwrap();
    sheet.write_number(3, 2, 200.0).unwrap();
    workbook
        .add_worksheet()
        .write_string(0, 0, "ignored")
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let read = read_sheet(&bytes, "plan.xlsx").unwrap();
    assert_eq!(read.headers, ["Titre", "Date de début", "Montant", "Pays"]);
    assert_eq!(read.rows.len(), 2);
    assert_eq!(read.rows[0].line, 2);
    assert_eq!(
        read.rows[0].cells,
        ["Atelier", "2025-03-31", "1500.5", "France"]
    );
    assert_eq!(read.rows[1].line, 4);
    assert_eq!(read.rows[1].cells[..3], ["Lettre", "", "200"]);
}

fn refused(bytes: &[u8], name: &str) -> String {
    match read_sheet(bytes, name) {
        Ok(sheet) => panic!("{name} was read: {sheet:?}"),
        Err(error) => {
            let message = error.to_string();
            assert!(message.starts_with(name), "{message} names the file");
            message
        }
    }
}

#[test]
fn refuses_what_is_not_a_spreadsheet_naming_the_file() {
    let pdf = refused(&fixture("plan/not_a_sheet.pdf"), "report.pdf");
    assert!(pdf.contains("a PDF document, not a spreadsheet"), "{pdf}");
    assert!(refused(b"", "empty.csv").contains("the file is empty"));
    assert!(refused(b"\n \r\n", "blank.csv").contains("the file is empty"));
    let random: Vec<u8> = (0..512u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(refused(&random, "noise.bin").contains("binary data"));
    let broken_zip = refused(b"PK\x03\x04 not really a workbook", "broken.xlsx");
    assert!(
        broken_zip.contains("not a readable XLSX workbook"),
        "{broken_zip}"
    );
    let xls = refused(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.xls");
    assert!(xls.contains("save it as .xlsx or CSV"), "{xls}");
}

#[test]
fn refuses_a_csv_without_a_header_line() {
    let error = read_sheet(&fixture("plan/no_header.csv"), "no_header.csv").unwrap_err();
    assert!(
        matches!(&error, SheetError::NoHeader { line: 1, found, .. } if found == "2025-01-31"),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("the first line must name the columns")
    );
}

#[test]
fn strips_the_formula_guard_of_exports() {
    let sheet = read_sheet(
        "name;phone\n'=HYPERLINK(1);'+33 1\n'x;''=y\n".as_bytes(),
        "g.csv",
    )
    .unwrap();
    assert_eq!(sheet.rows[0].cells, ["=HYPERLINK(1)", "+33 1"]);
    assert_eq!(sheet.rows[1].cells, ["'x", "'=y"]);
}
