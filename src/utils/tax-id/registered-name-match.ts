/**
 * Legal-form words dropped from the end of a company name before comparing
 * (DESIGN §11.4), written as they are after `normalizeCompanyName` removed
 * dots and case: "S.A." → "sa", "B.V." → "bv", "Sp. z o.o." → "sp z oo".
 * Multi-word forms are listed as word sequences.
 */
const LEGAL_FORMS: string[][] = [
  // German-speaking
  "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "gbr", "ev", "eg", "se", "ek", "co",
  // English-speaking
  "ltd", "limited", "plc", "llp", "lp", "llc", "inc", "incorporated", "corp", "corporation", "company", "pty", "lc",
  // French-, Spanish-, Italian-, Portuguese-speaking
  "sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "sca", "scs", "sl", "slu", "srl", "srls", "spa", "sapa", "lda", "sgps", "cb", "sc",
  // Dutch-speaking
  "bv", "nv", "vof", "cv", "bvba", "cvba", "vzw",
  // Nordic
  "ab", "hb", "kb", "as", "asa", "aps", "oy", "oyj", "ky", "tmi", "ou",
  // Central and Eastern Europe, Baltics
  "kft", "zrt", "nyrt", "bt", "sro", "spol", "doo", "dd", "ood", "eood", "ad", "ead", "sia", "uab", "zoo", "ska",
  // Greek, Cypriot, Maltese
  "ae", "epe", "ike", "oe", "ee",
].map((w) => [w])
  .concat([
    ["sp", "z", "oo"],
    ["spol", "s", "ro"],
    ["s", "r", "o"],
    ["d", "o", "o"],
    ["and", "co"],
    ["und", "co"],
    ["et", "cie"],
  ])

/** Joining words that may stand between legal forms ("GmbH & Co. KG"). */
const CONNECTORS = new Set(["and", "und", "et", "y", "e", "en", "og"])

/**
 * Lower case, accents and punctuation gone, `&` read as "and", dots inside
 * abbreviations joined ("S.A." → "sa"), words separated by one space.
 */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
}

/** The name's words without the legal-form words at its end. */
export function companyNameCore(name: string): string[] {
  const words = normalizeCompanyName(name).split(" ").filter(Boolean)
  let changed = true
  while (changed && words.length > 1) {
    changed = false
    for (const form of LEGAL_FORMS) {
      const tail = words.slice(-form.length)
      if (
        form.length < words.length &&
        tail.length === form.length &&
        tail.every((w, i) => w === form[i])
      ) {
        words.splice(words.length - form.length, form.length)
        changed = true
        break
      }
    }
    if (!changed && words.length > 1 && CONNECTORS.has(words[words.length - 1])) {
      words.pop()
      changed = true
    }
  }
  return words
}

/**
 * Whether the name VIES has registered for a VAT number is the company name
 * the customer gave, once case, accents, punctuation and trailing legal
 * forms (GmbH, Ltd, S.A., B.V., SARL, Sp. z o.o., …) are set aside. Exact
 * otherwise: "Acme Trading GmbH" does not match "Acme GmbH". Member states
 * that do not disclose names answer "---": never a match.
 */
export function registeredNameMatches(
  registeredName: string | null | undefined,
  companyName: string | null | undefined
): boolean {
  if (!registeredName || !companyName) {
    return false
  }
  const registered = companyNameCore(registeredName)
  const given = companyNameCore(companyName)
  return (
    registered.length > 0 &&
    registered.join(" ") === given.join(" ")
  )
}
