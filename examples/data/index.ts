// The embedded sample dealer network the demo and the examples run on: a brand with 3 regions and
// 12 dealers (a year of quarterly sales, returns, targets, KPI actuals and market stage each), its
// 2026 plan with monthly actuals to date, 3 candidate partners with due-diligence findings and three
// years of statements, and 20 SKUs with stock positions and 12 months of demand.
import candidatesJson from './candidates.json';
import networkJson from './network.json';
import planJson from './plan.json';
import skusJson from './skus.json';

export interface Quarter {
  id: string;
  sales: number;
  returns: number;
  quantity: number;
}

export interface KpiActuals {
  quarter: string;
  sales: number;
  salesTarget: number;
  satisfaction: number;
  marketShare: number;
  channelExpansion: number;
  profitContribution: number;
  newProductShare: number;
  complaintResponseHours: number;
  inventoryTurnoverDays: number;
}

export interface Dealer {
  id: string;
  name: string;
  region: string;
  area: string;
  stage: 'launch' | 'growth' | 'maturity' | 'decline';
  joined: string;
  target2025: number;
  baseline2024: number;
  marketPotential: number;
  quarters: Quarter[];
  kpi: KpiActuals[];
  metrics: { inventoryTurnoverDays: number; onTimePaymentRatio: number; marketCoverage: number };
  history: { year: number; sales: number; target: number }[];
}

export interface Network {
  brand: string;
  currency: string;
  year: number;
  regions: { id: string; name: string; areas: { id: string; name: string }[] }[];
  dealers: Dealer[];
}

export interface Plan {
  year: number;
  total: number;
  asOf: string;
  seasonality: number[];
  holidays: string[];
  regionWeights: Record<string, number>;
  actuals: Record<string, number>;
}

export interface Statement {
  year: number;
  revenue: number;
  cogs: number;
  ebit: number;
  interest: number;
  ebt: number;
  netIncome: number;
  totalAssets: number;
  totalLiabilities: number;
  currentAssets: number;
  currentLiabilities: number;
  inventory: number;
  receivables: number;
  payables: number;
  equity: number;
  retainedEarnings: number;
  operatingCashFlow: number;
}

export interface Finding {
  factor: string;
  likelihood: string;
  impact: string;
  knockout?: boolean;
  note?: string;
  controls?: { id: string; description: string }[];
  residual?: { likelihood: string; impact: string };
}

export interface Candidate {
  id: string;
  name: string;
  region: string;
  listed: boolean;
  statements: Statement[];
  findings: Finding[];
}

export interface Sku {
  id: string;
  name: string;
  category: string;
  unitCost: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  moq: number;
  packSize: number;
  maxOrderQty: number | null;
  onHand: number;
  onOrder: number;
  committed: number;
  lastReceipt: string;
  monthlyDemand: number[];
}

export const network = networkJson as Network;
export const plan = planJson as Plan;
export const candidates = (candidatesJson as { candidates: Candidate[] }).candidates;
export const inventory = skusJson as { asOf: string; skus: Sku[] };
