import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { childrenVisibleTo, isRecordId } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { formatDate } from '../../platform/view-filters.js';
import { childSummaries, searchChildren } from '../children/service.js';

/** The ids chosen so far, as they arrive in a query string or form: repeated, or one comma-separated value. */
export function chosenIds(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.flatMap((v) => String(v).split(',')).filter(isRecordId))];
}

/** A query string carrying the chosen children, plus any other parameters. */
export function withChildren(path: string, ids: readonly string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const id of ids) params.append('child', id);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Choosing the children a contact or call is about: the ones chosen so far (only those the person
 * may open) and, for a search term, the children found who are not chosen yet.
 */
export async function pickChildren(db: Kysely<Database>, actor: Actor, selectedIds: readonly string[], term: string) {
  const visible = await childrenVisibleTo(db, actor, selectedIds, 'children.pick');
  const [selected, found] = await Promise.all([
    childSummaries(db, visible),
    term.length >= 2 ? searchChildren(db, actor, term) : Promise.resolve(null),
  ]);
  return { selected, results: found?.filter((child) => !visible.includes(child.id)) ?? null };
}

type ChildSummary = Awaited<ReturnType<typeof childSummaries>>[number];

const bornOrDue = (child: ChildSummary) =>
  child.date_of_birth ? formatDate(child.date_of_birth) : `Unborn, due ${formatDate(child.expected_date_of_birth)}`;

/** The view model of `children-picker/views/picker.njk` for the page at `path`. */
export async function childrenPicker(
  db: Kysely<Database>,
  actor: Actor,
  options: { path: string; chosenIds: readonly string[]; q: string; emptyText: string },
) {
  const { selected, results } = await pickChildren(db, actor, options.chosenIds, options.q);
  const ids = selected.map((child) => child.id);
  return {
    path: options.path,
    q: options.q,
    emptyText: options.emptyText,
    searchError: options.q.length === 1 ? 'Enter at least 2 characters' : undefined,
    chosenIds: ids,
    chosen: selected.map((child) => ({
      id: child.id,
      name: `${child.given_name} ${child.family_name}`,
      laChildId: child.la_child_id ?? '',
      dateOfBirth: bornOrDue(child),
      removeHref: withChildren(
        options.path,
        ids.filter((id) => id !== child.id),
        options.q ? { q: options.q } : {},
      ),
    })),
    results:
      results?.map((child) => ({
        name: `${child.given_name} ${child.family_name}`,
        laChildId: child.la_child_id ?? '',
        dateOfBirth: bornOrDue(child),
        addHref: withChildren(options.path, [...ids, child.id]),
      })) ?? null,
  };
}
