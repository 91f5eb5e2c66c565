import Foundation
import Testing

@testable import DepechesKit

private typealias Support = DocumentsTestSupport

/// The French text every encoding row must give back.
private let frenchTitle = "Été : l’œuvre à Noël"
private let frenchBody = "Le cœur déçu, « vraiment »."

/// One byte layout of the same dispatch.
struct EncodingCase: CustomStringConvertible, Sendable {
  let label: String
  let name: String
  let bytes: [UInt8]
  var description: String { label }
}

/// Windows-1252 bytes of `text` (only the characters these tests use).
private func windows1252(_ text: String) -> [UInt8] {
  let high: [Unicode.Scalar: UInt8] = ["’": 0x92, "œ": 0x9C, "Œ": 0x8C, "€": 0x80, "…": 0x85]
  return text.unicodeScalars.map { high[$0] ?? UInt8($0.value) }
}

private let plain = frenchTitle + "\n\n" + frenchBody.replacingOccurrences(of: "« vraiment »", with: "«\u{A0}vraiment\u{A0}»")

private let cp1252 = windows1252(plain)

private let encodingCases: [EncodingCase] = [
  EncodingCase(label: "UTF-8", name: "a.txt", bytes: Array(plain.utf8)),
  EncodingCase(label: "UTF-8 BOM", name: "a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(plain.utf8)),
  EncodingCase(label: "UTF-16 LE", name: "a.txt", bytes: Support.utf16(plain, littleEndian: true)),
  EncodingCase(label: "UTF-16 BE", name: "a.txt", bytes: Support.utf16(plain, littleEndian: false)),
  EncodingCase(label: "CP1252", name: "a.txt", bytes: cp1252),
  EncodingCase(
    label: "CRLF", name: "a.txt",
    bytes: Array(plain.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
  EncodingCase(
    label: "CR", name: "a.txt", bytes: Array(plain.replacingOccurrences(of: "\n", with: "\r").utf8)),
  EncodingCase(
    label: "NFD", name: "a.txt", bytes: Array(plain.decomposedStringWithCanonicalMapping.utf8)),
  EncodingCase(
    label: "HTML Latin-1 declared", name: "a.html",
    bytes: windows1252(
      "<meta charset=\"iso-8859-1\"><title>" + frenchTitle + "</title><p>"
        + plain.split(separator: "\n").last! + "</p>")),
]

@Test("every encoding gives the same NFC text", arguments: encodingCases)
func encodingDecodes(_ row: EncodingCase) throws {
  let result = Support.read(bytes: row.bytes, as: row.name)
  let dispatch = try #require(Support.single(result), "\(result)")
  #expect(dispatch.title == frenchTitle)
  #expect(dispatch.passages == ["Le cœur déçu, «\u{A0}vraiment\u{A0}»."])
}

/// Bytes that must be skipped, and the reason's start.
struct SkipCase: CustomStringConvertible, Sendable {
  let label: String
  let name: String
  let bytes: [UInt8]
  let reason: String
  var maxFileSize = DocumentReader.defaultMaxFileSize
  var description: String { label }
}

private let skipCases: [SkipCase] = [
  SkipCase(label: "NUL bytes", name: "a.txt", bytes: Array("abc\u{0}def".utf8), reason: "binary file"),
  SkipCase(
    label: "control characters", name: "a.txt",
    bytes: (0..<200).map { UInt8($0 % 8 + 1) } + Array("du texte".utf8), reason: "binary file"),
  SkipCase(label: "empty", name: "a.md", bytes: [], reason: "empty file"),
  SkipCase(label: "whitespace only", name: "a.txt", bytes: Array(" \n\t\r\n ".utf8), reason: "empty file"),
  SkipCase(label: "BOM only", name: "a.txt", bytes: [0xEF, 0xBB, 0xBF], reason: "empty file"),
  SkipCase(label: "UTF-16 BOM only", name: "a.txt", bytes: [0xFF, 0xFE], reason: "empty file"),
  SkipCase(
    label: "oversize", name: "a.txt", bytes: Array(repeating: 0x61, count: 1_500),
    reason: "larger than 1 kB (--max-file-size): 1.5 kB", maxFileSize: 1_000),
  SkipCase(label: "pdf", name: "a.pdf", bytes: Array("%PDF".utf8), reason: "unsupported format .pdf"),
  SkipCase(label: "no extension", name: "README", bytes: Array("x".utf8), reason: "unsupported format (no extension)"),
  SkipCase(label: "docx", name: "a.DOCX", bytes: [], reason: "unsupported format .docx"),
  SkipCase(
    label: "unknown charset", name: "a.html",
    bytes: Array("<meta charset=\"shift_jis\"><p>".utf8) + [0x82, 0xA0, 0x82, 0xA2],
    reason: "invalid UTF-8 / unknown encoding"),
]

@Test("binary, empty, oversize and unsupported files are skipped", arguments: skipCases)
func skippedFiles(_ row: SkipCase) {
  let result = Support.read(bytes: row.bytes, as: row.name, maxFileSize: row.maxFileSize)
  #expect(Support.reason(result) == row.reason)
}

@Test("files on disk: read, oversize checked before reading, missing, directory, FIFO")
func filesOnDisk() throws {
  let folder = try Support.temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("d.txt")
  try Data(Support.utf16("Titre\n\nTexte.", littleEndian: true)).write(to: file)
  let reader = DocumentReader()
  let read = reader.read(absolutePath: file.path, displayPath: "d.txt")
  #expect(Support.single(read)?.passages == ["Texte."])
  #expect(Support.single(read)?.path == "d.txt")
  let small = DocumentReader(maxFileSize: 10)
  #expect(Support.reason(small.read(absolutePath: file.path, displayPath: "d.txt"))?
    .hasPrefix("larger than 10 bytes (--max-file-size)") == true)
  let missing = folder.appendingPathComponent("absent.txt").path
  #expect(Support.reason(reader.read(absolutePath: missing, displayPath: "x")) == "unreadable: no such file")
  let dir = folder.appendingPathComponent("dossier.md")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  #expect(Support.reason(reader.read(absolutePath: dir.path, displayPath: "x")) == "unreadable: is a directory")
  let fifo = folder.appendingPathComponent("tube.txt").path
  try #require(mkfifo(fifo, 0o600) == 0, "cannot make a FIFO in \(folder.path)")
  #expect(Support.reason(reader.read(absolutePath: fifo, displayPath: "x")) == "unreadable: not a regular file")
}

// Root reads every file whatever its permissions, so the refusal cannot be seen as root.
@Test("a file without read permission is skipped as unreadable", .enabled(if: getuid() != 0, "root reads every file"))
func permissionDenied() throws {
  let folder = try Support.temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("secret.txt")
  try Data("Titre".utf8).write(to: file)
  chmod(file.path, 0)
  let result = DocumentReader().read(absolutePath: file.path, displayPath: "secret.txt")
  #expect(Support.reason(result) == "unreadable: permission denied")
}

@Test("the NFC shortcut only accepts text normalisation leaves unchanged")
func nfcShortcutAgreesWithFoundation() {
  let accepted = (0..<0x0300).map { $0 } + Array(0x2010...0x205F) + Array(0x20A0...0x20CF)
  for value in accepted {
    guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
    let text = "a" + String(scalar) + "é"
    #expect(TextDecoding.isCertainlyNFC(text))
    #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(value, radix: 16))")
  }
  #expect(!TextDecoding.isCertainlyNFC("Erevan e\u{301}"))
  #expect(!TextDecoding.isCertainlyNFC("\u{212B}ngström"))
  #expect(TextDecoding.isCertainlyNFC("l’Arménie « cœur » — 3 €\u{202F}!"))
}
