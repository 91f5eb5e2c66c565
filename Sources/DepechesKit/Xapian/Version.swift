import CXapian

/// The version of the Xapian library Dépêches runs on, e.g. "1.4.22".
public let xapianVersion: String = String(cString: cx_xapian_version())
