// Helpers shared by the feed and entity specs: what the API says, and what
// the page shows, in the same words.
import { expect, type APIRequestContext, type Page, type Locator } from "@playwright/test";

export type Card = {
  id: string;
  title?: string | null;
  summary: string;
  confidence: { level: string; independent_sources: number };
  source_names: string[];
  location: { label: string };
  category: { id: string; label: string };
};
export type EventPage = { items: Card[]; next_cursor?: string | null; total?: number | null };

/** One page of `GET /events`, with the query as the app sends it. */
export async function apiPage(
  request: APIRequestContext,
  params: [string, string][],
  cursor?: string,
): Promise<EventPage> {
  const query = new URLSearchParams(params);
  if (cursor) query.append("cursor", cursor);
  query.append("limit", "20");
  const response = await request.get(`/api/v1/events?${query}`);
  expect(response.status(), `GET /events?${query}`).toBe(200);
  return (await response.json()) as EventPage;
}

/** Every event the API has for these filters, page by page. */
export async function apiAll(request: APIRequestContext, params: [string, string][]): Promise<Card[]> {
  const all: Card[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await apiPage(request, params, cursor);
    all.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return all;
}

/** The link a card's headline carries. */
export const eventPath = (card: Card) => `/events/${encodeURIComponent(card.id)}`;

/** The card's headline: the title when there is one, else the summary. */
export const headline = (card: Card) =>
  card.title && card.title.trim() ? card.title.trim() : card.summary.trim();

/** The count line above the cards (model/src/feed.rs `results_line`). */
export function resultsLine(total: number, filtered: boolean): string {
  if (filtered) {
    if (total === 0) return "No event matches these filters";
    if (total === 1) return "1 event matches these filters";
    return `${total} events match these filters`;
  }
  if (total === 0) return "No events yet";
  return total === 1 ? "1 event" : `${total} events`;
}

/** The list of cards, by its accessible name. */
export const cardList = (page: Page, name = "Events"): Locator =>
  page.getByRole("list", { name, exact: true });

/** The hrefs of the cards on screen, in order. */
export async function cardHrefs(page: Page, name = "Events"): Promise<string[]> {
  const links = cardList(page, name).getByRole("link");
  return links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
}

/** Waits until the cards on screen are exactly `cards`, in order, and the list is settled. */
export async function expectCards(page: Page, cards: Card[], name = "Events") {
  await expect
    .poll(() => cardHrefs(page, name), { message: "the cards match the API's answer" })
    .toEqual(cards.map(eventPath));
  if (cards.length > 0) {
    await expect(cardList(page, name)).toHaveAttribute("aria-busy", "false");
    const links = cardList(page, name).getByRole("link");
    await expect(links.first()).toHaveText(headline(cards[0]));
    await expect(links.last()).toHaveText(headline(cards[cards.length - 1]));
  }
}

/** The query of the page's URL as pairs, in order. */
export const urlPairs = (page: Page): [string, string][] => [...new URL(page.url()).searchParams.entries()];
