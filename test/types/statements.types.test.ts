// The statements' types: what the functions take and give, and the misuse the compiler refuses.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BatchResult, Decimal, ExplainOptions, KpiScoreResult, RebateSettlement, ReorderPlan, StandingStatus, Step, TargetTracking, Warning } from 'dealerkit';
import {
  DealerkitError,
  buildDealerStatement,
  buildDealerStatements,
  dealerStatementConfigSchema,
  dealerStatementInputSchema,
  explainDealerStatement,
  formatDealerStatement,
  isDealerkitError,
  type DealerStatement,
  type DealerStatementBatchOptions,
  type DealerStatementConfig,
  type DealerStatementInput,
  type DealerStatementOptions,
  type DealerStatementTotals,
  type FormatDealerStatementOptions,
  type StatementCharts,
  type StatementFigure,
  type StatementFigureUnit,
  type StatementStep,
} from 'dealerkit/statements';

describe('dealerkit/statements types', () => {
  it('build*: configuration first, the dealer second, options last; the statement has warnings and steps', () => {
    expectTypeOf(buildDealerStatement).parameters.toEqualTypeOf<[DealerStatementConfig, DealerStatementInput, DealerStatementOptions?]>();
    expectTypeOf(buildDealerStatement).returns.toEqualTypeOf<DealerStatement>();
    expectTypeOf(buildDealerStatements).parameters.toEqualTypeOf<[DealerStatementConfig, readonly DealerStatementInput[], DealerStatementBatchOptions?]>();
    expectTypeOf(buildDealerStatements).returns.toEqualTypeOf<BatchResult<DealerStatement, DealerStatementTotals>>();
    expectTypeOf<DealerStatement['warnings']>().toEqualTypeOf<Warning[]>();
    expectTypeOf<DealerStatement['steps']>().toEqualTypeOf<StatementStep[]>();
    expectTypeOf<StatementStep>().toMatchTypeOf<Step>();
    expectTypeOf<DealerStatement['asOf']>().toEqualTypeOf<string>();
    expectTypeOf<DealerStatement['period']>().toEqualTypeOf<string>();
  });

  it("sections carry their engines' results and exact figures", () => {
    type S = DealerStatement;
    expectTypeOf<NonNullable<S['target']>['tracking']>().toEqualTypeOf<TargetTracking | null>();
    expectTypeOf<NonNullable<S['target']>['attainment']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<NonNullable<S['scorecard']>['result']>().toEqualTypeOf<KpiScoreResult>();
    expectTypeOf<NonNullable<S['scorecard']>['status']>().toEqualTypeOf<StandingStatus | null>();
    expectTypeOf<NonNullable<S['rebate']>['settlement']>().toEqualTypeOf<RebateSettlement>();
    expectTypeOf<NonNullable<S['rebate']>['payment']>().toEqualTypeOf<Decimal>();
    expectTypeOf<NonNullable<S['points']>['expiring']>().toEqualTypeOf<Decimal>();
    expectTypeOf<NonNullable<S['stock']>['plans']>().toEqualTypeOf<ReorderPlan[]>();
    expectTypeOf<StatementFigure['unit']>().toEqualTypeOf<StatementFigureUnit>();
    expectTypeOf<StatementFigure['steps']>().toEqualTypeOf<Step[]>();
  });

  it('format* and explain* turn a statement into text', () => {
    expectTypeOf(formatDealerStatement).parameters.toEqualTypeOf<[DealerStatement, FormatDealerStatementOptions]>();
    expectTypeOf(formatDealerStatement).returns.toEqualTypeOf<string>();
    expectTypeOf(explainDealerStatement).parameters.toEqualTypeOf<[DealerStatement, ExplainOptions?]>();
    expectTypeOf(explainDealerStatement).returns.toEqualTypeOf<string[]>();
    expectTypeOf<FormatDealerStatementOptions['format']>().toEqualTypeOf<'markdown' | 'html' | 'text'>();
    expectTypeOf<StatementCharts['pace']>().toEqualTypeOf<string | undefined>();
  });

  it('refuses misuse at compile time', () => {
    const s = buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: 5, actuals: { '2025-Q4': 4 } });
    // @ts-expect-error the dealer's id is required
    expect(() => buildDealerStatement({ period: '2025-Q4' }, { target: 5 })).toThrow(DealerkitError);
    // @ts-expect-error the configuration's period is required
    expect(() => buildDealerStatement({}, { id: 'a' })).toThrow(DealerkitError);
    // @ts-expect-error a format is required
    expect(() => formatDealerStatement(s, {})).toThrow(DealerkitError);
    // @ts-expect-error not a format
    expect(() => formatDealerStatement(s, { format: 'pdf' })).toThrow(DealerkitError);
    // @ts-expect-error charts are SVG strings
    expect(() => formatDealerStatement(s, { format: 'html', charts: { pace: 1 } })).toThrow(DealerkitError);
    expect(isDealerkitError(dealerStatementConfigSchema.safeParse({}).error === undefined ? null : new DealerkitError('invalid_input', []))).toBe(true);
    expect(dealerStatementInputSchema.safeParse({ id: 'a' }).success).toBe(true);
  });
});
