// jsonexport ships no types; react-admin uses it for its own CSV exports.
declare module 'jsonexport/dist' {
  interface JsonExportOptions {
    headers?: string[];
    rename?: string[];
    rowDelimiter?: string;
    forceTextDelimiter?: boolean;
    undefinedString?: string;
  }
  function jsonExport(
    data: object[],
    options: JsonExportOptions,
    callback: (error: Error | null, csv: string) => void,
  ): void;
  export default jsonExport;
}
