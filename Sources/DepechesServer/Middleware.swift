import HTTPTypes
import Hummingbird

/// Around every request: the limits on what a client may send, failures turned into their
/// responses (`{"error": "…"}` under `/api/`, a page elsewhere), and the security headers on
/// every response, failures included.
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
  /// Longest request target accepted (path and query), in bytes: a query is at most
  /// `SearchParameters.maxQueryLength` characters, up to 12 bytes each when percent-encoded.
  static var maxTargetBytes: Int { 8_192 }
  /// Largest request body accepted: every route is a GET, so none.
  static var maxBodyBytes: Int { 0 }

  /// No script but the server's own file, no inline style, nothing from elsewhere, no framing.
  static var contentSecurityPolicy: String {
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var response: Response
    do {
      try check(request)
      response = try await next(request, context)
    } catch {
      response = Self.reply(to: request, failure: Self.failure(error))
    }
    response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.referrerPolicy] = "no-referrer"
    response.headers[.xFrameOptions] = "DENY"
    return response
  }

  private func check(_ request: Request) throws {
    guard request.method == .get || request.method == .head else {
      throw Failure(
        status: .methodNotAllowed, message: "only GET is served", french: "Seules les requêtes GET sont servies.")
    }
    guard request.uri.string.utf8.count <= Self.maxTargetBytes else {
      throw Failure(status: .uriTooLong, message: "the address is too long", french: "L’adresse est trop longue.")
    }
    let declared = request.headers[.contentLength].flatMap { Int($0) } ?? 0
    guard declared <= Self.maxBodyBytes, request.headers[.transferEncoding] == nil else {
      throw Failure(
        status: .contentTooLarge, message: "request bodies are not accepted", french: "Les requêtes avec un corps ne sont pas acceptées.")
    }
  }

  private static func failure(_ error: any Error) -> Failure {
    if let http = error as? HTTPError, http.status == .notFound { return .notFound("this path") }
    if let http = error as? HTTPError {
      return Failure(status: http.status, message: http.body ?? http.status.reasonPhrase, french: http.status.reasonPhrase)
    }
    return Failure(error)
  }

  /// The failure as the client expects it: JSON for the API, a page for a browser.
  static func reply(to request: Request, failure: Failure) -> Response {
    let path = request.uri.path
    if path == "/api" || path.hasPrefix("/api/") { return Reply.jsonError(failure) }
    return Reply.html(Layout.errorPage(failure), status: failure.status)
  }
}

extension HTTPField.Name {
  static var referrerPolicy: Self { Self("Referrer-Policy")! }
  static var xFrameOptions: Self { Self("X-Frame-Options")! }
}
