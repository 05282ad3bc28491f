/**
 * Calls `pick` with the datum under the pointer when a Plot chart is clicked: Plot sets the
 * figure's `value` to the datum its pointer mark (a tip with pointerX/pointerY) points at. The
 * figure gets the `clickable` class (a pointer cursor). Nothing without `pick`.
 */
export function onClick<T>(figure: Element, pick: ((d: T) => void) | undefined): void {
  if (!pick) return;
  figure.classList.add("clickable");
  figure.addEventListener("click", () => {
    const d = (figure as unknown as {value?: T | null}).value;
    if (d) pick(d);
  });
}
