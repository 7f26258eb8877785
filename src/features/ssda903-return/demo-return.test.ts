import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { seedDemoAuthority } from '../../cli/demo-authority.js';
import { collectionYearOf } from '../../domain/looked-after/episodes.js';
import { todayInEngland } from '../../platform/today.js';
import { exportReturn, failuresByRule } from './service.js';

describe('the demo authority’s SSDA903 return', () => {
  let database: TestDatabase;
  const today = todayInEngland();

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoAuthority(database.db, today);
  }, 300_000);
  afterAll(async () => {
    await database.close();
  });

  it('exports this year’s and last year’s return with every child looked after in them', async () => {
    for (const year of [collectionYearOf(today), collectionYearOf(today) - 1]) {
      const { files, failures } = await exportReturn(database.db, year);
      const header = files.find((f) => f.name === 'Header.csv');
      const lookedAfter = await database.db
        .selectFrom('care_episodes')
        .select('person_id')
        .distinct()
        .where('started_on', '<=', `${year}-03-31`)
        .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', `${year - 1}-04-01`)]))
        .execute();
      expect(header?.lines).toBeGreaterThanOrEqual(lookedAfter.length);
      expect(failuresByRule(failures).reduce((sum, rule) => sum + rule.count, 0)).toBe(failures.length);
    }
  });
});
