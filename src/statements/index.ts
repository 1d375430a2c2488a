/**
 * dealerkit/statements: a dealer's quarter on one page. `buildDealerStatement` chains the engines
 * for one dealer and one period (target and pace, scorecard and standing, rebate and payment due,
 * points, stock), `buildDealerStatements` does the network with its totals, and
 * `formatDealerStatement` renders a statement as Markdown, text or one self-contained HTML page.
 *
 * @module statements
 */
export { buildDealerStatement, buildDealerStatements } from './build.js';
export type { DealerStatement, DealerStatementTotals, DealerStatementBatchOptions, DealerStatementBatchResult, StatementStep } from './build.js';
export type { StatementTarget, StatementTargetYear } from './target.js';
export type { StatementScorecard } from './scorecard.js';
export type { StatementRebate, StatementTurnoverFeed } from './rebate.js';
export type { StatementPoints } from './points.js';
export type { StatementStock, StatementStockLine } from './stock.js';
export type { StatementFigure, StatementFigureUnit, StatementSection, StatementSource } from './figures.js';
export { explainDealerStatement } from './explain.js';
export { formatDealerStatement } from './format.js';
export type { FormatDealerStatementOptions, StatementCharts } from './format.js';
export { dealerStatementConfigSchema, dealerStatementInputSchema } from './schema.js';
export type {
  DealerStatementConfig,
  DealerStatementInput,
  DealerStatementOptions,
  StatementRebateConfig,
  StatementKpiConfig,
  StatementSku,
  StatementStockConfig,
  StatementStockInput,
  StatementStockItem,
} from './schema.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
