export declare const MATRIX_DAYS: readonly string[];
export declare const DATE_SENSITIVE: string[];
export declare const NOT_DATED: string[];
export declare const UNIT_PROJECT: string;
