// Types for the parts of `sax` (an untyped CommonJS package) that the SVG check uses.
declare module 'sax' {
  export interface QualifiedAttribute {
    name: string;
    value: string;
    prefix: string;
    local: string;
    uri: string;
  }
  export interface QualifiedTag {
    name: string;
    prefix: string;
    local: string;
    uri: string;
    isSelfClosing: boolean;
  }
  export interface ProcessingInstruction {
    name: string;
    body: string;
  }
  export interface SAXOptions {
    xmlns?: boolean;
    strictEntities?: boolean;
    position?: boolean;
  }
  export interface SAXParser {
    line: number;
    column: number;
    position: number;
    startTagPosition: number;
    onerror: (error: Error) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    ondoctype: (body: string) => void;
    onsgmldeclaration: (body: string) => void;
    onprocessinginstruction: (pi: ProcessingInstruction) => void;
    onopentagstart: (tag: { name: string }) => void;
    onattribute: (attribute: QualifiedAttribute) => void;
    onopentag: (tag: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    resume(): this;
    write(text: string): this;
    close(): this;
  }
  const sax: { parser(strict: boolean, options?: SAXOptions): SAXParser };
  export default sax;
}
