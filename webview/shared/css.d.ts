// esbuild loads .css as text (scripts/build.mjs: loader '.css': 'text'); addStyles adopts it.
declare module '*.css' {
  const css: string;
  export default css;
}
