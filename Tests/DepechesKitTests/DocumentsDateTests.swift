import Foundation
import Testing

@testable import DepechesKit

private typealias Support = DocumentsTestSupport

/// The two-digit year that still reads as 20YY (this year's last two digits + 1).
private let pivot = Calendar(identifier: .gregorian).component(.year, from: Date()) % 100 + 1

@Test(
  "dates found in running text",
  arguments: [
    ("publié le 16 novembre 2021 à Paris", "2021-11-16"),
    ("le 1er décembre 2021", "2021-12-01"),
    ("le 1er déc. 2021", "2021-12-01"),
    ("mardi 23 nov. 2021, 20h", "2021-11-23"),
    ("le 16/11/2021.", "2021-11-16"),
    ("(16-11-21 / 20H30)", "2021-11-16"),
    ("le 16/11/21 au soir", "2021-11-16"),
    ("le 2021-11-16T20:30:00Z", "2021-11-16"),
    ("le 16.11.2021 au matin", "2021-11-16"),
    ("16 NOVEMBRE 2021", "2021-11-16"),
    ("16\u{A0}novembre\u{A0}2021", "2021-11-16"),
    ("16\u{202F}nov.\u{202F}2021", "2021-11-16"),
    ("3 janv. 2020", "2020-01-03"), ("3 janvier 2020", "2020-01-03"),
    ("3 févr. 2020", "2020-02-03"), ("3 fevr 2020", "2020-02-03"),
    ("3 février 2020", "2020-02-03"), ("3 mars 2020", "2020-03-03"),
    ("3 avr. 2020", "2020-04-03"), ("3 avril 2020", "2020-04-03"), ("3 mai 2020", "2020-05-03"),
    ("3 juin 2020", "2020-06-03"), ("3 juil. 2020", "2020-07-03"),
    ("3 juillet 2020", "2020-07-03"), ("3 août 2020", "2020-08-03"), ("3 aout 2020", "2020-08-03"),
    ("3 AOÛT 2020", "2020-08-03"), ("3 sept. 2020", "2020-09-03"),
    ("3 septembre 2020", "2020-09-03"), ("3 oct. 2020", "2020-10-03"),
    ("3 octobre 2020", "2020-10-03"), ("3 déc. 2020", "2020-12-03"), ("3 dec 2020", "2020-12-03"),
    ("3 décembre 2020", "2020-12-03"), ("29 février 2024", "2024-02-29"),
    ("le 31/02/2021 puis le 2 mars 2021", "2021-03-02"),
    ("32 janvier 2021 ou 5 mai 2021", "2021-05-05"),
    ("https://x.fr/2021/11/16/article puis le 3 mai 2020", "2020-05-03"),
    ("www.x.fr/16-11-2021 puis 04/05/2020", "2020-05-04"),
    ("n° 116-11-211 et 2021-11-160 puis 1/2/2003", "2003-02-01"),
    ("tel 06-12-34-56-78, v1.2.2021, 1.16.11.2021 puis 7 juin 2019", "2019-06-07"),
  ])
func firstDateInText(_ text: String, _ iso: String) {
  #expect(FrenchDates.firstDate(in: text)?.iso == iso)
}

@Test(
  "texts without a complete date",
  arguments: [
    "16 novembre", "novembre 2021", "31/02/2021", "32 janvier 2021", "30 février 2020",
    "116-11-211", "2021-11-160", "https://x.fr/2021/11/16/article", "www.site.fr/16/11/2021",
    "06-12-34-56-78", "version 1.2.21", "16.11.21", "13/13/2021", "x16/11/2021", "16 marsupiaux 2021",
    "3 mai 21", "",
  ])
func noDateInText(_ text: String) {
  #expect(FrenchDates.firstDate(in: text) == nil)
}

@Test(
  "metadata values",
  arguments: [
    ("2021-11-16", "2021-11-16"),
    ("2021-11-16T23:30:00-05:00", "2021-11-16"),
    ("2021-11-16T08:00:00.000Z", "2021-11-16"),
    ("Tue, 16 Nov 2021 20:30:00 +0000", "2021-11-16"),
    ("Wed, 1 Dec 2021 08:00:00 GMT", "2021-12-01"),
    ("  16 novembre 2021 ", "2021-11-16"),
    ("mardi 16/11/2021", "2021-11-16"),
  ])
func parseMetadata(_ value: String, _ iso: String) {
  #expect(FrenchDates.parse(value)?.iso == iso)
}

@Test("metadata values that are not dates", arguments: ["", "demain", "2021-13-01", "2021-02-30"])
func parseRejects(_ value: String) {
  #expect(FrenchDates.parse(value) == nil)
}

@Test("two-digit years: 20YY up to this year + 1")
func twoDigitYears() {
  let near = String(format: "%02d", pivot % 100)
  #expect(FrenchDates.firstDate(in: "01/02/" + near)?.year == 2000 + pivot % 100)
  #expect(FrenchDates.firstDate(in: "01/02/00")?.year == 2000)
}

// From 2098 the pivot reaches 99 and every two-digit year reads as 20YY: none is left after it.
@Test("two-digit years after the pivot: 19YY", .enabled(if: pivot + 1 < 100, "no two-digit year after the pivot"))
func twoDigitYearsAfterThePivot() {
  let far = String(format: "%02d", pivot + 1)
  #expect(FrenchDates.firstDate(in: "01/02/" + far)?.year == 1900 + pivot + 1)
  #expect(FrenchDates.firstDate(in: "01/02/99")?.year == 1999)
}

/// A text file and the title and date it must get.
struct TitleDateCase: CustomStringConvertible, Sendable {
  let text: String
  let title: String
  let date: String?
  var description: String { String(text.prefix(40)) }
}

@Test(
  "title and date rules of plain text",
  arguments: [
    TitleDateCase(text: "\n\n  Titre  après  blancs\nTexte.", title: "Titre après blancs", date: nil),
    TitleDateCase(text: "Titre\nmardi 16 novembre 2021\nTexte du 3 mai 2020.", title: "Titre", date: "2021-11-16"),
    TitleDateCase(text: "Le 3 mai 2020 à Paris\nTexte du 16/11/2021.", title: "Le 3 mai 2020 à Paris", date: "2020-05-03"),
    TitleDateCase(text: "Date: 2019-01-02\n\nTitre\nTexte du 16/11/2021.", title: "Titre", date: "2019-01-02"),
    TitleDateCase(text: "TITLE: Grand\nAUTHOR: Moi\n\nCorps", title: "Grand", date: nil),
    TitleDateCase(
      text: String(repeating: "mot ", count: 80) + "\nSuite.",
      title: String(repeating: "mot ", count: 49) + "mot…", date: nil),
  ])
func titleAndDate(_ row: TitleDateCase) throws {
  let dispatch = try #require(Support.single(Support.read(row.text, as: "t.txt")))
  #expect(dispatch.title == row.title)
  #expect(dispatch.date?.iso == row.date)
}

@Test("a date-only line after the title is metadata, not a passage")
func dateLineIsNotPassage() throws {
  let dispatch = try #require(Support.single(Support.read("Titre\n16/11/2021\nTexte.", as: "t.txt")))
  #expect(dispatch.passages == ["Texte."])
  #expect(dispatch.date?.iso == "2021-11-16")
}

@Test("a title too long keeps its whole line as a passage")
func longTitleLineStays() throws {
  let line = String(repeating: "long ", count: 60).trimmingCharacters(in: .whitespaces)
  let dispatch = try #require(Support.single(Support.read(line + "\nSuite.", as: "t.txt")))
  #expect(dispatch.title.hasSuffix("…"))
  #expect(dispatch.title.count <= 201)
  #expect(dispatch.passages == [line, "Suite."])
}

/// The seed dispatch, relative to this file: `<package>/seeds/…`.
private let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../seeds/000_fe0702cd3db7fe5e.txt").standardized.path

@Test("the Bakou seed dispatch: title from its first line, date 2021-11-16")
func seedDispatch() throws {
  let result = DocumentReader().read(absolutePath: seedPath, displayPath: "seeds/000_fe0702cd3db7fe5e.txt")
  let dispatch = try #require(Support.single(result), "\(result)")
  #expect(dispatch.title == "Flash ! Offensive de Bakou contre l'Arménie !")
  #expect(dispatch.date?.iso == "2021-11-16")
  #expect(dispatch.id == Dispatch.makeID(absolutePath: seedPath))
  #expect(dispatch.passages.first == "Vu du Donbass")
  #expect(dispatch.passages.last == "Erwan Castel")
  #expect(dispatch.passages.allSatisfy { $0.count <= Passages.maxPassageCharacters })
}
