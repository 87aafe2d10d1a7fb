#!/usr/bin/env bash
# A REPL for equireg: JShell with core, nn and regularizer on the class path, the Vector API module
# added (so the SIMD kernels run, as in the tests), and the common imports done
# (scripts/jshell-startup.jsh). Try:
#
#   jshell> Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true)
#   jshell> x.tanh().sum().backward()
#   jshell> x.grad()
#
# Compiles the three modules first when their classes are missing or older than a source file.
# Uses $JAVA_HOME/bin/jshell when JAVA_HOME is set, else jshell on the PATH. Arguments go to
# jshell (e.g. -q, or a .jsh file to run); /exit leaves.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
modules=(core nn regularizer)

needs_build() {
    local module stamp
    for module in "${modules[@]}"; do
        # Maven's compiler plugin rewrites this list on every compilation of the module.
        stamp="$root/$module/target/maven-status/maven-compiler-plugin/compile/default-compile/inputFiles.lst"
        if [[ ! -f "$stamp" ]] || [[ -n "$(find "$root/$module/src/main/java" -name '*.java' -newer "$stamp" -print -quit)" ]]; then
            return 0
        fi
    done
    return 1
}

if needs_build; then
    echo "jshell.sh: compiling core, nn and regularizer (./mvnw -B -q -pl regularizer -am compile)" >&2
    (cd "$root" && ./mvnw -B -q -pl regularizer -am compile) >&2
fi

classpath="$root/core/target/classes:$root/nn/target/classes:$root/regularizer/target/classes"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}jshell" \
    --class-path "$classpath" \
    --add-modules jdk.incubator.vector -R--add-modules=jdk.incubator.vector \
    --startup DEFAULT --startup "$root/scripts/jshell-startup.jsh" \
    "$@"
