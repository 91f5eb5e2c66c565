import DepechesFormat
import DepechesKit
import Hummingbird
import NIOPosix

/// Why a request failed, as the client is told: a status, and the message in English (the
/// API's `{"error": "…"}`, the CLI's wording) and in French (the page).
struct Failure: Error, Equatable {
  var status: HTTPResponse.Status
  var message: String
  var french: String

  /// An unknown path or dispatch.
  static func notFound(_ what: String) -> Failure {
    Failure(status: .notFound, message: "not found: \(what)", french: "Cette page n’existe pas.")
  }

  /// The failure a thrown error stands for. A missing index is a 503 with the CLI's hint
  /// (run `depeches index` first): the server works, the data is not there yet.
  init(_ error: any Error) {
    switch error {
    case let failure as Failure: self = failure
    case let bad as ParameterError:
      self.init(status: .badRequest, message: bad.message, french: "Paramètre invalide : \(bad.french).")
    case let engine as DepechesError: self.init(engine)
    case is NIOThreadPoolError.ThreadPoolInactive:
      self.init(status: .serviceUnavailable, message: "the server is stopping", french: "Le serveur s’arrête.")
    default:
      self.init(status: .internalServerError, message: "internal error: \(error)", french: "Erreur interne du serveur.")
    }
  }

  init(status: HTTPResponse.Status, message: String, french: String) {
    self.status = status
    self.message = message
    self.french = french
  }

  private init(_ error: DepechesError) {
    let unavailable = "L’index ne peut pas être lu pour l’instant : \(error.description)"
    switch error {
    case .invalidQuery:
      self.init(status: .badRequest, message: error.description, french: "Recherche invalide : \(error.description)")
    case .indexNotFound, .shardUnavailable, .indexLocked, .invalidArgument:
      self.init(status: .serviceUnavailable, message: error.description, french: unavailable)
    case .xapian(let kind, _) where [.opening, .network, .lock, .modified].contains(kind):
      self.init(status: .serviceUnavailable, message: error.description, french: unavailable)
    default:
      self.init(status: .internalServerError, message: error.description, french: "Erreur de l’index : \(error.description)")
    }
  }
}

/// Responses with their `Content-Type` (always with `charset=utf-8`).
enum Reply {
  static let jsonType = "application/json; charset=utf-8"
  static let htmlType = "text/html; charset=utf-8"

  /// A JSON document of `JSONOutput`, with the newline the CLI prints after it (the same bytes).
  static func json(_ document: String, status: HTTPResponse.Status = .ok) -> Response {
    text(document + "\n", type: jsonType, status: status)
  }

  /// The `{"error": "…"}` document of a failure.
  static func jsonError(_ failure: Failure) -> Response {
    json((try? JSONOutput.error(failure.message)) ?? #"{"error":"internal error"}"#, status: failure.status)
  }

  /// A page.
  static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
    text(page.markup, type: htmlType, status: status)
  }

  /// Text of any type.
  static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok, cache: String = "no-store") -> Response {
    Response(
      status: status, headers: [.contentType: type, .cacheControl: cache],
      body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
  }
}
