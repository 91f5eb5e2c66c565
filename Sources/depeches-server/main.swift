import DepechesFormat
import DepechesServer
import Foundation

// The server program behind `depeches serve`, which checks the options and execs this with
// them (`ServeConfiguration.arguments`). Exit: 0 after Ctrl-C or SIGTERM, 64 for a command line
// it cannot read, 1 when it cannot listen.
switch ServeConfiguration.parse(Array(CommandLine.arguments.dropFirst())) {
case .failure(let error):
  FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
  exit(64)
case .success(let configuration):
  do {
    try await DepechesServer.run(configuration)
  } catch {
    FileHandle.standardError.write(Data("Error: cannot serve on \(configuration.host):\(configuration.port): \(error)\n".utf8))
    exit(1)
  }
}
