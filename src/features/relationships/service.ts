import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { describeRelative, type RelationshipKind, relationshipKinds } from '../../domain/relationships/relationship-kinds.js';
import { childrenVisibleTo, isRecordId, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { BadRequestError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { todayInEngland } from '../../platform/today.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry } from '../chronology/service.js';
import { addRelative, type NewRelative } from '../people/service.js';
import * as queries from './queries.js';

export interface NewRelationship {
  /** Someone already known to Hearth, or someone new. */
  other: { personId: string } | { newPerson: NewRelative };
  kind: RelationshipKind;
  /** True: the other person is the `fromSide` of the kind (the parent); false: the child is. */
  otherIsFirst: boolean;
  sameHousehold: boolean;
}

/** The child's family and household, each relative described as what they are to the child. */
export function familyOf(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child.family.view', async (access) => {
    const [child, rows] = await Promise.all([childHeader(access), queries.relationshipsOf(access)]);
    const visibleChildren = new Set(
      await childrenVisibleTo(
        access.trx,
        actor,
        rows.filter((r) => r.is_child).map((r) => r.other_id),
        'child.family.relatives',
      ),
    );
    const relatives = rows.map((r) => ({
      id: r.id,
      personId: r.other_id,
      name: `${r.given_name} ${r.family_name}`,
      dateOfBirth: r.date_of_birth,
      relationship: describeRelative(r.kind, r.person_id === personId),
      sameHousehold: r.same_household,
      laChildId: r.la_child_id,
      canOpen: r.is_child && visibleChildren.has(r.other_id),
    }));
    return { child, household: relatives.filter((r) => r.sameHousehold), family: relatives.filter((r) => !r.sameHousehold) };
  });
}

/** The "add a relationship" page: the child, and people already known whose names are like `name`. */
export function relativeCandidates(db: Kysely<Database>, actor: Actor, personId: string, name: string | undefined, chosenId?: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.relationship.form', async (access) => {
    const child = await childHeader(access);
    const found = name ? await queries.findPeople(access.trx, name.toLowerCase(), 20) : [];
    const visible = new Set(
      await childrenVisibleTo(
        access.trx,
        actor,
        found.filter((p) => p.is_child).map((p) => p.id),
        'child.relationship.search',
      ),
    );
    const candidates = found.filter((p) => p.id !== personId && (!p.is_child || visible.has(p.id)));
    const chosen = chosenId && isRecordId(chosenId) ? await queries.person(access.trx, chosenId) : undefined;
    if (chosen?.is_child && !(await childrenVisibleTo(access.trx, actor, [chosen.id], 'child.relationship.choose')).length)
      throw new NotFoundError();
    return { child, candidates, chosen };
  });
}

/** Records a relationship once; both people's records then show it, each from their own side. */
export function addRelationship(db: Kysely<Database>, actor: Actor, personId: string, relationship: NewRelationship) {
  return withChildRecord(db, actor, personId, 'edit', 'child.relationship.add', async (access) => {
    let otherId: string;
    let otherName: string;
    if ('personId' in relationship.other) {
      if (!isRecordId(relationship.other.personId)) throw new NotFoundError();
      const other = await queries.person(access.trx, relationship.other.personId);
      if (!other || other.merged_into_id) throw new NotFoundError();
      if (other.id === personId) throw new BadRequestError('A child cannot be related to themselves.');
      if (other.is_child && !(await childrenVisibleTo(access.trx, actor, [other.id], 'child.relationship.add')).length)
        throw new NotFoundError();
      otherId = other.id;
      otherName = `${other.given_name} ${other.family_name}`;
      if (await queries.relationshipExists(access.trx, personId, otherId, relationship.kind))
        throw new BadRequestError(`${otherName} is already recorded with this relationship to the child.`);
    } else {
      otherId = await addRelative(access, relationship.other.newPerson);
      otherName = `${relationship.other.newPerson.givenName} ${relationship.other.newPerson.familyName}`;
    }
    const id = await queries.insertRelationship(access, {
      personId: relationship.otherIsFirst ? otherId : personId,
      relatedPersonId: relationship.otherIsFirst ? personId : otherId,
      kind: relationship.kind,
      sameHousehold: relationship.sameHousehold,
    });
    const kind = relationshipKinds.find((k) => k.kind === relationship.kind);
    await recordChronologyEntry(access, {
      kind: 'relationship',
      occurredOn: todayInEngland(),
      summary: `${otherName} recorded as ${(relationship.otherIsFirst ? kind?.fromSide : kind?.toSide)?.toLowerCase()}${relationship.sameHousehold ? ', living in the household' : ''}`,
      source: { type: 'relationship', id },
    });
    return id;
  });
}

export function removeRelationship(db: Kysely<Database>, actor: Actor, personId: string, relationshipId: string) {
  if (!isRecordId(relationshipId)) throw new NotFoundError();
  return withChildRecord(db, actor, personId, 'edit', 'child.relationship.remove', async (access) => {
    if (!(await queries.deleteRelationship(access, relationshipId))) throw new NotFoundError();
  });
}

registerRecordMover({
  name: 'relationships',
  columns: ['relationships.person_id', 'relationships.related_person_id'],
  move: async (merged, survivor) => {
    if ((await queries.linksBetween(merged.trx, merged.personId, survivor.personId)) > 0)
      throw new BadRequestError('These two records are recorded as related to each other. Remove that relationship before merging them.');
    const first = await queries.moveSide(merged.trx, 'person_id', merged.personId, survivor.personId);
    const second = await queries.moveSide(merged.trx, 'related_person_id', merged.personId, survivor.personId);
    return [...first.map((id) => `person:${id}`), ...second.map((id) => `related:${id}`)];
  },
  restore: async (merged, _survivor, moved) => {
    const ids = (prefix: string) => moved.filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length));
    await queries.moveSideBack(merged.trx, 'person_id', ids('person:'), merged.personId);
    await queries.moveSideBack(merged.trx, 'related_person_id', ids('related:'), merged.personId);
  },
});
