export interface RateLimitsTable {
  key: string;
  windowStart: number;
  hits: number;
}
