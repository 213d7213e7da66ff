// The tests' offline VIES: the same stand-in the dev tooling ships (dev/).
module.exports = require("../../dev/vies-stand-in")
