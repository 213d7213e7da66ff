/**
 * The deepest nesting of objects and arrays the plugin's routes accept in a
 * JSON body or a query object. Their real bodies are at most three levels
 * deep (`{ items: [{ … }] }`); anything far deeper is refused before a
 * recursive validator (zod, the workflow engine's cloning) can overflow the
 * stack on it (DESIGN §9.5).
 */
export const MAX_INPUT_DEPTH = 8

/**
 * How deep `value` nests objects and arrays (a scalar is 0, `{}` and `[]`
 * are 1), counted without recursion and without walking past `limit + 1`:
 * a 10,000-level body costs as much as a 9-level one. Returns `limit + 1`
 * as soon as the limit is passed.
 */
export function inputDepth(value: unknown, limit = MAX_INPUT_DEPTH): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== "object") {
      continue
    }
    if (depth > limit) {
      return limit + 1
    }
    deepest = Math.max(deepest, depth)
    const children = Array.isArray(node) ? node : Object.values(node)
    for (const child of children) {
      if (child !== null && typeof child === "object") {
        stack.push([child, depth + 1])
      }
    }
  }
  return deepest
}
