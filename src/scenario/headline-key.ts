/**
 * Headline keys built from names the scenario gives (crowds, places): the
 * exposure and retention parts name their headline numbers after them.
 */

/**
 * A headline-key-safe form of a name: `Republic Square` → `RepublicSquare`.
 *
 * @param name - a crowd or place name
 * @returns letters and digits only, starting with an upper-case letter (`X` when nothing is left)
 * @example keyOf('Republic Square') // 'RepublicSquare'
 */
export function keyOf(name: string): string {
  const k = name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[^A-Za-z]+/, '');
  return k.length > 0 ? k[0].toUpperCase() + k.slice(1) : 'X';
}
