// The tests' offline Clerk: the same stand-in the dev tooling ships (dev/).
module.exports = require("../../dev/clerk-stand-in")
