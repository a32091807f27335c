import { test, expect, App, fillStorage as fill, freeStorage as unfill } from './fixtures.js';

/** Two tabs on My plan; tab B has a change it could not save (storage was full). */
async function tabsWithUnsavedChangeInB(context, bText) {
  const a = new App(await context.newPage());
  const b = new App(await context.newPage());
  await a.open('/plan/relapse');
  await b.open('/plan/relapse');
  return { a, b, unsaved: async () => {
    await b.page.evaluate(fill);
    await b.page.getByLabel('Add a reason').fill(bText);
    await b.page.getByLabel('Add a reason').press('Enter');
    await expect(b.page.getByRole('alert').filter({ hasText: 'Not saved.' })).toBeVisible();
    await b.page.evaluate(unfill);
  } };
}

test('when two tabs both changed the plan, the person chooses; nothing is overwritten silently', async ({ context }) => {
  const { a, b, unsaved } = await tabsWithUnsavedChangeInB(context, 'B, not saved yet');
  await a.addReason('A1');
  await expect(b.reasonFields()).toHaveCount(1);

  // Tab B's change cannot be saved (storage full), so it is only on B's screen…
  await unsaved();

  // …when tab A saves another change.
  await a.addReason('A2');
  expect(await a.storedReasons()).toEqual(['A1', 'A2']);
  const banner = b.page.getByRole('alert').filter({ hasText: 'Your plan was also changed in another tab or window.' });
  await expect(banner).toBeVisible();
  // B still shows its own version, and storage still has A's.
  await expect(b.reasonFields()).toHaveCount(2);
  await expect(b.reasonFields().nth(1)).toHaveValue('B, not saved yet');
  expect(await b.storedReasons()).toEqual(['A1', 'A2']);

  await banner.getByRole('button', { name: 'Keep this version' }).click();
  await b.expectSaved();
  expect(await b.storedReasons()).toEqual(['A1', 'B, not saved yet']);
  // Tab A follows the choice.
  await expect(a.reasonFields().nth(1)).toHaveValue('B, not saved yet');
});

test("choosing the other tab's version shows it", async ({ context }) => {
  const { a, b, unsaved } = await tabsWithUnsavedChangeInB(context, 'B, not saved');
  await unsaved();
  await a.addReason('From A');
  const banner = b.page.getByRole('alert').filter({ hasText: 'also changed in another tab' });
  await banner.getByRole('button', { name: 'Show the other version' }).click();
  await expect(b.reasonFields()).toHaveCount(1);
  await expect(b.reasonFields().first()).toHaveValue('From A');
  await expect(banner).toHaveCount(0);
});
