// The scorecard section: the dealer's KPI score under its stage, its rank in the peer group and
// its standing against the exit rule, by the KPI engine.
import type { Decimal } from '../core/decimal.js';
import { invalid } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import {
  reviewStanding,
  scoreDealer,
  scoreDealers,
  type KpiDealerInput,
  type KpiRankedScore,
  type KpiScoreResult,
  type KpiScorecard,
  type StandingEntry,
  type StandingReview,
  type StandingRuleSpec,
  type StandingStatus,
} from '../kpi/index.js';
import { STATEMENT_MESSAGES as M } from './messages.js';
import { within, warningsWithin } from './paths.js';

/** The statement's scorecard section. */
export interface StatementScorecard {
  /** The stage whose weights applied (prorated stages joined by `' + '`). */
  stage: string;
  /** The final score. */
  score: Decimal;
  /** The grade (capped by failed gates), or null below the lowest grade. */
  grade: string | null;
  /** The grade the score alone earns. */
  gradeByScore: string | null;
  /** The competition rank in the peer group (1 = best), or null without a peer group. */
  rank: number | null;
  /** How many dealers the peer group ranks, or null without one. */
  peers: number | null;
  /** The share of the other peers scoring strictly lower, or null without a peer group. */
  percentileRank: Decimal | null;
  /** The KPI engine's score, with its lines and steps. */
  result: KpiScoreResult;
  /** The standing review of the history and this period, or null without an exit rule. */
  standing: StandingReview | null;
  /** The standing after this period, or null without an exit rule. */
  status: StandingStatus | null;
}

/** A peer group scored once: every peer's ranked score by id. @internal */
export type PeerRanks = ReadonlyMap<string, KpiRankedScore>;

/** Scores and ranks a peer group once (rows named by their ids). @internal */
export function rankPeers(card: KpiScorecard, peers: readonly KpiDealerInput[], ratioScale: number, onError: 'throw' | 'collect'): PeerRanks {
  const batch = within({ inputs: ['config', 'kpi', 'peers'], scorecard: ['config', 'kpi', 'scorecard'] }, ['config', 'kpi', 'peers'], () =>
    scoreDealers(card, peers as KpiDealerInput[], { ratioScale, onError }),
  );
  const out = new Map<string, KpiRankedScore>();
  for (const row of batch.rows) if (row.ok && row.id !== null) out.set(String(row.id), row.result);
  return out;
}

/** What the scorecard section needs. @internal */
export interface ScorecardSetup {
  card: KpiScorecard;
  rule: StandingRuleSpec | undefined;
  peers: PeerRanks | null;
  ratioScale: number;
}

function stageOf(result: KpiScoreResult): string {
  return result.stageShares.map((s) => s.stage).join(' + ');
}

/** Builds the scorecard section for one dealer. @internal */
export function buildScorecardSection(
  setup: ScorecardSetup,
  id: string,
  input: KpiDealerInput,
  history: readonly StandingEntry[] | undefined,
  period: string,
  warnings: Warning[],
): StatementScorecard {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) invalid(['kpi'], M.notAnObject, { code: 'invalid_type' });
  if (input.id !== undefined && String(input.id) !== id) invalid(['kpi', 'id'], M.idMismatch(String(input.id), id), { code: 'inconsistent' });
  const own = { ...input, id };
  const result = within({ scorecard: ['config', 'kpi', 'scorecard'] }, ['kpi'], () =>
    scoreDealer(setup.card, own, { ratioScale: setup.ratioScale }),
  );
  warnings.push(...warningsWithin(result.warnings, {}, ['kpi']));
  let rank: KpiRankedScore | null = null;
  if (setup.peers !== null) {
    rank = setup.peers.get(id) ?? null;
    if (rank === null) invalid(['config', 'kpi', 'peers'], M.peerMissing(id), { code: 'unknown_label', received: JSON.stringify(id) });
    if (!rank.score.equals(result.score)) {
      invalid(['config', 'kpi', 'peers', id], M.peerDiffers(id, result.score.toFixed(), rank.score.toFixed()), { code: 'inconsistent' });
    }
  }
  let standing: StandingReview | null = null;
  if (setup.rule !== undefined) {
    const earlier = history ?? [];
    earlier.forEach((entry, k) => {
      if (typeof entry === 'object' && entry !== null && entry.period === period) {
        invalid(['standing', k, 'period'], M.standingPeriod(period), { code: 'duplicate', received: JSON.stringify(period) });
      }
    });
    const rule = setup.rule;
    standing = within({ rule: ['config', 'kpi', 'standing'], history: ['standing'] }, ['standing'], () =>
      reviewStanding(rule, [...earlier, { period, score: result.score }]),
    );
    warnings.push(...warningsWithin(standing.warnings, { history: ['standing'] }, ['standing']));
  }
  return {
    stage: stageOf(result),
    score: result.score,
    grade: result.grade,
    gradeByScore: result.gradeByScore,
    rank: rank === null ? null : rank.rank,
    peers: rank === null || setup.peers === null ? null : setup.peers.size,
    percentileRank: rank === null ? null : rank.percentileRank,
    result,
    standing,
    status: standing === null ? null : standing.current,
  };
}
