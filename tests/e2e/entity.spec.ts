// Entity pages: who or what it is, a Wikidata link when it has an id, and
// exactly the events that name it (GET /events?entity=ID), as cards.
import { test, expect, PARIS_EVENT_PATH } from "../support/fixtures";
import { apiAll, expectCards, resultsLine } from "./feed-helpers";
import * as fs from "node:fs";
import * as path from "node:path";

type Entity = { id: string; name: string; kind: string; description?: string | null; wikidata_id?: string | null };

const entities: Entity[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "server", "fixtures", "entities.json"), "utf8"),
);

test("an entity page lists exactly that entity's events", async ({ page, request }) => {
  // The entity named by the most events, so that paging is exercised when there are enough.
  let best: { entity: Entity; count: number } | undefined;
  for (const entity of entities.slice(0, 12)) {
    const count = (await apiAll(request, [["entity", entity.id]])).length;
    if (!best || count > best.count) best = { entity, count };
  }
  const entity = best!.entity;
  const events = await apiAll(request, [["entity", entity.id]]);
  expect(events.length).toBeGreaterThan(0);

  await page.goto(`/entities/${entity.id}`);
  await expect(page.getByRole("heading", { level: 1, name: entity.name })).toBeVisible();
  await expect(page).toHaveTitle(`${entity.name} · Eventdesk`);
  const kind = entity.kind.charAt(0).toUpperCase() + entity.kind.slice(1);
  await expect(page.getByRole("main").getByText(kind).first()).toBeVisible();
  if (entity.description) await expect(page.getByText(entity.description, { exact: true })).toBeVisible();

  const listName = `Events naming ${entity.name}`;
  await expect(page.getByText(resultsLine(events.length, false), { exact: true })).toBeVisible();
  const more = page.getByRole("button", { name: "Load more events" });
  let shown = Math.min(20, events.length);
  await expectCards(page, events.slice(0, shown), listName);
  while (shown < events.length) {
    await more.click();
    shown = Math.min(shown + 20, events.length);
    await expectCards(page, events.slice(0, shown), listName);
  }
  await expect(more).toHaveCount(0);
});

test("an entity with a Wikidata id links to it", async ({ page }) => {
  const entity = entities.find((e) => e.wikidata_id)!;
  await page.goto(`/entities/${entity.id}`);
  const link = page.getByRole("link", { name: `Wikidata: ${entity.wikidata_id}` });
  await expect(link).toHaveAttribute("href", `https://www.wikidata.org/wiki/${entity.wikidata_id}`);
  await expect(link).toHaveAttribute("rel", /noopener/);

  const without = entities.find((e) => !e.wikidata_id);
  if (without) {
    await page.goto(`/entities/${without.id}`);
    await expect(page.getByRole("heading", { level: 1, name: without.name })).toBeVisible();
    await expect(page.getByRole("link", { name: /Wikidata/ })).toHaveCount(0);
  }
});

test("an entity chip on an event page leads to the entity page", async ({ page }) => {
  await page.goto(PARIS_EVENT_PATH);
  await page.getByRole("link", { name: "Person: Volodymyr Zelensky" }).click();
  await expect(page).toHaveURL(/\/entities\/volodymyr-zelensky$/);
  await expect(page.getByRole("heading", { level: 1, name: "Volodymyr Zelensky" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Events naming Volodymyr Zelensky" }).getByRole("link").first()).toBeVisible();
});

test("an unknown entity says so and leads back to the feed", async ({ page }) => {
  await page.goto("/entities/no-such-entity-here");
  await expect(page.getByRole("heading", { level: 1, name: "No entity at this link" })).toBeVisible();
  await page.getByRole("link", { name: "See the latest events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Latest events" })).toBeVisible();
});
