import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { todayInEngland } from '../../platform/today.js';
import { recordChronologyEntry } from '../chronology/service.js';
import * as queries from './queries.js';

export interface NewAddress {
  line1: string;
  line2?: string;
  town?: string;
  postcode?: string;
  fromOn?: IsoDate;
  toOn?: IsoDate;
}

/** A person added to a child's record as a relative, carer or professional (not a child's record of their own). */
export interface NewRelative {
  givenName: string;
  familyName: string;
  dateOfBirth?: IsoDate;
  sex?: string;
}

export const addressesOf = queries.addressesOf;
export const otherNamesOf = queries.otherNamesOf;
export const alertsOf = queries.activeAlertsOf;

/**
 * Adds an address to the record. A current address (no end date) ends the addresses the person
 * lived at until then, on the day they moved.
 */
export async function addAddressTo(access: ChildRecordAccess, address: NewAddress): Promise<string> {
  if (!address.toOn) await queries.endCurrentAddresses(access, address.fromOn ?? todayInEngland());
  return queries.insertAddress(access, {
    line_1: address.line1,
    line_2: address.line2 ?? null,
    town: address.town ?? null,
    postcode: address.postcode ?? null,
    from_on: address.fromOn ?? null,
    to_on: address.toOn ?? null,
    recorded_by: access.actor.staffId,
  });
}

export function recordAddress(db: Kysely<Database>, actor: Actor, personId: string, address: NewAddress) {
  return withChildRecord(db, actor, personId, 'edit', 'child.address.add', async (access) => {
    const id = await addAddressTo(access, address);
    await recordChronologyEntry(access, {
      kind: 'record',
      occurredOn: address.fromOn ?? todayInEngland(),
      summary: address.toOn
        ? `Past address recorded${address.postcode ? ` (${address.postcode})` : ''}`
        : `Moved to a new address${address.postcode ? ` (${address.postcode})` : ''}`,
      source: { type: 'address', id },
    });
    return id;
  });
}

export function addOtherName(db: Kysely<Database>, actor: Actor, personId: string, name: { givenName: string; familyName: string }) {
  return withChildRecord(db, actor, personId, 'edit', 'child.other_name.add', (access) =>
    queries.insertOtherName(access, name.givenName, name.familyName),
  );
}

export function removeOtherName(db: Kysely<Database>, actor: Actor, personId: string, aliasId: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.other_name.remove', async (access) => {
    if (!(await queries.deleteOtherName(access, aliasId))) throw new NotFoundError();
  });
}

export function addAlert(db: Kysely<Database>, actor: Actor, personId: string, alert: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.alert.add', (access) => queries.insertAlert(access, alert));
}

export function removeAlert(db: Kysely<Database>, actor: Actor, personId: string, alertId: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.alert.remove', async (access) => {
    if (!(await queries.markAlertRemoved(access, alertId))) throw new NotFoundError();
  });
}

/** Adds a person known to the child's record (a parent, carer, professional), in the child's transaction. */
export function addRelative(access: ChildRecordAccess, person: NewRelative): Promise<string> {
  return queries.insertPerson(access.trx, {
    is_child: false,
    given_name: person.givenName,
    family_name: person.familyName,
    date_of_birth: person.dateOfBirth ?? null,
    sex: person.sex ?? null,
  });
}

registerRecordMover({
  name: 'addresses',
  columns: ['addresses.person_id'],
  move: (merged, survivor) => queries.moveOwned(merged.trx, 'addresses', merged.personId, survivor.personId),
  restore: (merged, _survivor, moved) => queries.moveOwnedBack(merged.trx, 'addresses', moved, merged.personId),
});

registerRecordMover({
  name: 'alerts',
  columns: ['person_alerts.person_id'],
  move: (merged, survivor) => queries.moveOwned(merged.trx, 'person_alerts', merged.personId, survivor.personId),
  restore: (merged, _survivor, moved) => queries.moveOwnedBack(merged.trx, 'person_alerts', moved, merged.personId),
});

/** Other names move too, and the merged record's own name becomes one of the survivor's other names. */
registerRecordMover({
  name: 'other names',
  columns: ['person_aliases.person_id'],
  move: async (merged, survivor) => {
    const moved = await queries.moveOwned(merged.trx, 'person_aliases', merged.personId, survivor.personId);
    const [mergedName, survivorName, survivorAliases] = await Promise.all([
      queries.nameOf(merged),
      queries.nameOf(survivor),
      queries.otherNamesOf(survivor),
    ]);
    const known = new Set([survivorName.search_name, ...survivorAliases.map((a) => `${a.given_name} ${a.family_name}`.toLowerCase())]);
    if (known.has(mergedName.search_name)) return moved.map((id) => `moved:${id}`);
    const added = await queries.insertOtherName(survivor, mergedName.given_name, mergedName.family_name);
    return [...moved.map((id) => `moved:${id}`), `added:${added}`];
  },
  restore: async (merged, _survivor, moved) => {
    const ids = (prefix: string) => moved.filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length));
    await queries.deleteOtherNames(merged.trx, ids('added:'));
    await queries.moveOwnedBack(merged.trx, 'person_aliases', ids('moved:'), merged.personId);
  },
});
