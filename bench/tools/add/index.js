// add: the benchmark's trivial tool, so a measured call is all pipeline and no tool work.
export default async function add(input) {
  return { sum: input.a + input.b };
}
