// What the hostile-data specs check of a page's layout: nothing wider than
// the viewport, and no text squeezed into a sliver.
import type { Page } from "@playwright/test";

export type Layout = {
  /** How far the document is wider than the viewport, in px (0 or less is fine). */
  overflow: number;
  /** Elements reaching past the viewport's left or right edge (at most 5). */
  outside: string[];
  /** Elements holding a long text in a box a few letters wide (at most 5). */
  crushed: string[];
};

/**
 * Measures the page as it is now. An element reaching past the viewport
 * counts even where an ancestor clips it (clipped text is lost text); scroll
 * containers the reader can scroll, visually hidden text and the drawing
 * inside a map's SVG are fine. A text of 20 characters or more in a box
 * narrower than 3 em is crushed (the one-letter column of a badge whose
 * icon took its room), unless it is cut short with an ellipsis on purpose.
 */
export function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (/(auto|scroll)/.test(style.overflowX)) return true;
        // Visually hidden (clipped to nothing) or hidden from everyone.
        if (style.position === "absolute" && (/rect\(0/.test(style.clip) || /inset\(50%\)/.test(style.clipPath))) return true;
        if (e.getAttribute("aria-hidden") === "true" && style.position === "absolute") return true;
      }
      return false;
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: ${(el.textContent ?? "").slice(0, 40)}`;
    const all = [...document.querySelectorAll("body *")].filter((el) => {
      const r = el.getBoundingClientRect();
      // An SVG clips what it draws to its own box (which is checked itself).
      return r.width > 0 && r.height > 0 && !el.parentElement?.closest("svg");
    });
    const outside = all
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (r.right > window.innerWidth + 1 || r.left < -1) && !scrolls(el.parentElement) && !scrolls(el);
      })
      .slice(0, 5)
      .map(describe);
    const crushed = all
      .filter((el) => {
        // Only elements whose own text (not a child element's) is long.
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? "")
          .join("")
          .trim();
        if ([...own].length < 20 || scrolls(el)) return false;
        const style = getComputedStyle(el);
        // Shortened on purpose, with an ellipsis (an icon, a chip's kind).
        if (style.textOverflow === "ellipsis" && style.overflowX === "hidden") return false;
        if (style.display === "none" || style.visibility === "hidden") return false;
        const em = parseFloat(style.fontSize) || 16;
        return el.getBoundingClientRect().width < 3 * em;
      })
      .slice(0, 5)
      .map(describe);
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      outside,
      crushed,
    };
  });
}

/**
 * Elements inside `inner` whose box reaches past the content box of the
 * nearest `outer` around it (at most 5): a form wider than the column of
 * cards it sits above, even where the viewport still has room. Scroll
 * containers and visually hidden text are fine, as in `measureLayout`.
 */
export function outsideColumn(page: Page, inner: string, outer: string): Promise<string[]> {
  return page.evaluate(
    ([inner, outer]) => {
      const root = document.querySelector(inner);
      const column = root?.closest(outer);
      if (!root || !column) return [`no ${inner} inside ${outer}`];
      const style = getComputedStyle(column);
      const box = column.getBoundingClientRect();
      const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      const hidden = (el: Element) => {
        const s = getComputedStyle(el);
        return s.position === "absolute" && (/rect\(0/.test(s.clip) || /inset\(50%\)/.test(s.clipPath));
      };
      return [root, ...root.querySelectorAll("*")]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || hidden(el)) return false;
          return r.right > right + 1 || r.left < left - 1;
        })
        .slice(0, 5)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} [${Math.round(r.left)}–${Math.round(r.right)} px, column ${Math.round(left)}–${Math.round(right)} px]`;
        });
    },
    [inner, outer] as const,
  );
}
