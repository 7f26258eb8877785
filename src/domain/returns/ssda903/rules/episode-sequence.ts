import { continuationReasons, placementChanged } from '../child-facts.js';
import { eachEpisode, type Ssda903Rule } from '../rule.js';

/** Rules about how a child's episodes follow one another. */
export const episodeSequenceRules: readonly Ssda903Rule[] = [
  {
    code: '142',
    severity: 'error',
    files: ['episodes'],
    description: 'New episode started while previous episode still open',
    check: (child) =>
      eachEpisode(child.episodes, (episode) => {
        return episode.end === null && episode.following
          ? 'This episode has no end date (DEC) but a later episode starts after it'
          : undefined;
      }),
  },
  {
    code: '302',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'First episode before DOB',
    check: (child) => {
      const first = child.episodes[0];
      return child.dateOfBirth && first && first.start < child.dateOfBirth
        ? eachEpisode([first], () => 'The first episode starts before the date of birth')
        : [];
    },
  },
  {
    code: '354',
    severity: 'error',
    files: ['episodes'],
    description: 'DEC after end of collection year',
    check: (child, { collectionYear }) =>
      eachEpisode(child.episodes, (e) =>
        e.end && e.end > collectionYear.end ? 'The episode end date (DEC) is after the end of the collection year' : undefined,
      ),
  },
  {
    code: '355',
    severity: 'error',
    files: ['episodes'],
    description: 'Episode lasted less than 24 hours (start = end date)',
    check: (child) => eachEpisode(child.episodes, (e) => (e.end === e.start ? 'The episode starts and ends on the same day' : undefined)),
  },
  {
    code: '356',
    severity: 'error',
    files: ['episodes'],
    description: 'DEC before DECOM',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        e.end !== null && e.end < e.start ? 'The episode ends (DEC) before it starts (DECOM)' : undefined,
      ),
  },
  {
    code: '388',
    severity: 'error',
    files: ['episodes'],
    description: 'REC = X1 but no continuation episode',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        e.row.record.REC === 'X1' && e.end !== null && !e.next
          ? 'The episode ceased with X1 (a new episode the same day) but no episode starts on its end date'
          : undefined,
      ),
  },
  {
    code: '431',
    severity: 'error',
    files: ['episodes'],
    description: 'RNE = S but previous episode ended the same day',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        e.row.record.RNE === 'S' && e.previous
          ? 'RNE is S (started to be looked after) but the previous episode ended the same day'
          : undefined,
      ),
  },
  {
    code: '432',
    severity: 'error',
    files: ['episodes'],
    description: 'Child ceased care at end of previous episode but RNE is not S',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const before = e.preceding;
        const rec = before?.row.record.REC ?? '';
        return before && rec !== '' && rec !== 'X1' && e.row.record.RNE !== 'S'
          ? `The previous episode ended care (REC ${rec}) so this episode should have RNE S, not ${e.row.record.RNE}`
          : undefined;
      }),
  },
  {
    code: '433',
    severity: 'error',
    files: ['episodes'],
    description: 'Continuation RNE but start date != previous end date',
    check: (child, { collectionYear }) =>
      eachEpisode(child.episodes, (e) => {
        if (!continuationReasons.includes(e.row.record.RNE) || e.previous) return undefined;
        const before = e.preceding;
        if (!before && e.start < collectionYear.start) return undefined;
        return `RNE is ${e.row.record.RNE} (a change within a period of care) but no episode ends on the day this one starts`;
      }),
  },
  {
    code: '434',
    severity: 'error',
    files: ['episodes'],
    description: 'RNE = L but legal status did not change (or placement did)',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        if (e.row.record.RNE !== 'L' || !e.previous) return undefined;
        if (e.previous.row.record.LS === e.row.record.LS)
          return 'RNE is L (legal status change) but the legal status is the same as in the previous episode';
        if (placementChanged(e.previous, e)) return 'RNE is L (legal status change only) but the placement changed too';
        return undefined;
      }),
  },
  {
    code: '435',
    severity: 'error',
    files: ['episodes'],
    description: 'RNE = P/T but placement did not change (or legal status did)',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const rne = e.row.record.RNE;
        if ((rne !== 'P' && rne !== 'T') || !e.previous) return undefined;
        if (!placementChanged(e.previous, e))
          return `RNE is ${rne} (placement change) but the placement is the same as in the previous episode`;
        if (e.previous.row.record.LS !== e.row.record.LS) return `RNE is ${rne} (placement change only) but the legal status changed too`;
        return undefined;
      }),
  },
  {
    code: '436',
    severity: 'error',
    files: ['episodes'],
    description: 'RNE = B/U but not both legal status and placement changed',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const rne = e.row.record.RNE;
        if ((rne !== 'B' && rne !== 'U') || !e.previous) return undefined;
        return e.previous.row.record.LS === e.row.record.LS || !placementChanged(e.previous, e)
          ? `RNE is ${rne} (legal status and placement change) but they did not both change`
          : undefined;
      }),
  },
  {
    code: '501',
    severity: 'error',
    files: ['episodes'],
    description: "New episode starts before previous episode's end",
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const before = e.preceding;
        return before?.end && e.start < before.end ? 'This episode starts before the previous episode ended' : undefined;
      }),
  },
  {
    code: '504',
    severity: 'error',
    files: ['episodes'],
    description: 'Category of need changed within a period of care',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        e.previous && e.previous.row.record.CIN !== e.row.record.CIN
          ? `Category of need changed from ${e.previous.row.record.CIN} to ${e.row.record.CIN} within a period of care`
          : undefined,
      ),
  },
];
