import { describe, expect, it } from 'vitest';
import { ssda903CollectionYear } from './collection-year.js';
import { type SocialWorkerAllocation, socialWorkerEpisodesInYear, unregisteredSocialWorkerId } from './social-worker-episodes.js';

const year = ssda903CollectionYear(2025);
const allocation = (a: Partial<SocialWorkerAllocation> & Pick<SocialWorkerAllocation, 'startedOn'>): SocialWorkerAllocation => ({
  endedOn: null,
  staffId: 'ann',
  registrationNumber: 'SW10001',
  changeReason: 'FCONTA',
  ...a,
});

describe('social worker episodes from allocations', () => {
  it('writes each worker of the year with their registration number, start, end and reason', () => {
    expect(
      socialWorkerEpisodesInYear(
        [
          allocation({ startedOn: '2024-01-10', endedOn: '2024-06-01' }),
          allocation({ startedOn: '2024-06-01', staffId: 'bob', registrationNumber: 'SW20002', changeReason: 'LEFTRL' }),
        ],
        year,
      ),
    ).toEqual([
      { socialWorkerId: 'SW10001', startedOn: '2024-01-10', endedOn: '2024-06-01', changeReason: 'FCONTA' },
      { socialWorkerId: 'SW20002', startedOn: '2024-06-01', endedOn: null, changeReason: 'LEFTRL' },
    ]);
  });

  it('leaves out allocations ended by 1 April or starting after 31 March, and same-day corrections', () => {
    const episodes = socialWorkerEpisodesInYear(
      [
        allocation({ startedOn: '2023-05-01', endedOn: '2024-04-01' }),
        allocation({ startedOn: '2024-04-01', endedOn: '2024-04-01', staffId: 'mistake' }),
        allocation({
          startedOn: '2024-04-01',
          endedOn: '2025-04-02',
          staffId: 'bob',
          registrationNumber: 'SW20002',
          changeReason: 'MANAGE',
        }),
        allocation({ startedOn: '2025-04-02', staffId: 'cat' }),
      ],
      year,
    );
    expect(episodes).toEqual([{ socialWorkerId: 'SW20002', startedOn: '2024-04-01', endedOn: null, changeReason: 'MANAGE' }]);
  });

  it('joins one worker’s allocations in two teams, and writes XXXXXX with no registration number or no worker', () => {
    const episodes = socialWorkerEpisodesInYear(
      [
        allocation({ startedOn: '2024-05-01', endedOn: '2024-05-04', staffId: null, registrationNumber: null }),
        allocation({ startedOn: '2024-05-04', endedOn: '2024-09-01', registrationNumber: null, changeReason: 'MANAGE' }),
        allocation({ startedOn: '2024-09-01', registrationNumber: null, changeReason: null }),
      ],
      year,
    );
    expect(episodes).toEqual([
      { socialWorkerId: unregisteredSocialWorkerId, startedOn: '2024-05-01', endedOn: '2024-05-04', changeReason: 'FCONTA' },
      { socialWorkerId: unregisteredSocialWorkerId, startedOn: '2024-05-04', endedOn: null, changeReason: 'MANAGE' },
    ]);
  });
});
