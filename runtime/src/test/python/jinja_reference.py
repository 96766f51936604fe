"""Renders test cases with real Jinja2, configured as Hugging Face's apply_chat_template
configures it, and writes what each one gives to JSON files that our tests replay:

- jinja-cases.json: small templates, one feature each (JinjaConformanceTemplateTest);
- real-template-cases.json: every real chat template kept as a test resource, rendering a set of
  standard conversations (RealTemplateConformanceTest).

Run from the repository root:  python3 runtime/src/test/python/jinja_reference.py
(Jinja2 3.1.x; the files record the version they were made with.)
"""
import json
import pathlib
from datetime import datetime

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment

RESOURCES = pathlib.Path("runtime/src/test/resources/io/thoughtscope/runtime/template")
OUT = RESOURCES / "jinja-cases.json"
REAL_OUT = RESOURCES / "real-template-cases.json"

# strftime_now reads this instant, so that dated templates render the same every run (the Java
# side uses a fixed clock at the same time, in UTC)
NOW = datetime(2025, 3, 7, 9, 30)


class AssistantTracker(Extension):
    """HF's {% generation %} tag: the body renders as a caller block (its own scope), unchanged."""
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_generation_support"), [], [], body).set_lineno(lineno)

    def _generation_support(self, caller):
        return caller()


def environment():
    # as transformers.utils.chat_template_utils._compile_jinja_template builds it
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[AssistantTracker, "jinja2.ext.loopcontrols"])

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def strftime_now(format):
        return NOW.strftime(format)

    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


M = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"},
     {"role": "assistant", "content": "Hello!"}, {"role": "user", "content": "2+2?"}]

# (name, template, variables)
CASES = [
    # whitespace control: trim_blocks, lstrip_blocks, '-' and '+' markers, comments, raw
    ("text only", "hello\nworld\n", {}),
    ("trailing newline kept when two", "a\n\n", {}),
    ("crlf normalised", "a\r\nb\rc", {}),
    ("trim_blocks eats newline after block", "{% if true %}\nyes\n{% endif %}\nafter", {}),
    ("lstrip_blocks strips indentation", "a\n    {% if true %}\n    x\n    {% endif %}\nb", {}),
    ("lstrip not for variables", "a\n    {{ 'x' }}\nb", {}),
    ("trim not after variables", "{{ 'x' }}\nb", {}),
    ("minus strips both sides", "a  \n {%- if true -%}  \n  b {%- endif %}  c", {}),
    ("minus on variables", "a \n {{- 'x' -}} \n b", {}),
    ("plus disables lstrip", "a\n    {%+ if true %}x{% endif %}", {}),
    ("plus disables trim", "{% if true +%}\nx{% endif %}", {}),
    ("comment trimmed", "a\n  {# note #}\nb", {}),
    ("comment minus", "a  {#- note -#}  b", {}),
    ("comment plus", "a\n  {#+ note +#}\nb", {}),
    ("tag not at line start keeps spaces", "a  {% if true %}b{% endif %}", {}),
    ("tag after text on the line", "x {% if true %}\ny{% endif %}", {}),
    ("lstrip after trimmed newline", "{% if true %}\n   {% if true %}\nz\n   {% endif %}\n{% endif %}", {}),
    ("raw block", "{% raw %}{{ not evaluated }}{% endraw %}", {}),
    ("raw block whitespace", "a\n  {% raw %}\n  {{x}}\n  {% endraw %}\nb", {}),
    ("raw minus", "a {%- raw -%}  x  {%- endraw -%} b", {}),
    ("tabs before tag", "a\n\t\t{% if true %}x{% endif %}", {}),
    ("spaces only line", "{% for i in [1,2] %}\n  {{ i }}\n{% endfor %}", {}),
    ("braces in strings", "{{ '}}' }}{{ \"%}\" }}{% if '%}' %}ok{% endif %}", {}),
    ("nested dict braces", "{{ {'a': {'b': 1}} }}", {}),
    ("minus close after braces", "{{ {'a': 1}['a'] -}}  \nz", {}),
    # literals and printing
    ("none and booleans", "{{ none }}|{{ None }}|{{ true }}|{{ False }}", {}),
    ("numbers", "{{ 1 }} {{ -3 }} {{ 1.5 }} {{ 1e3 }} {{ 2.5e-5 }} {{ 1_000 }} {{ 0x1F }} {{ 0o17 }} {{ 0b101 }}", {}),
    ("float repr", "{{ 0.1 + 0.2 }} {{ 1e16 }} {{ 1e15 }} {{ 0.0001 }} {{ 0.00001 }} {{ 3.0 }} {{ -0.0 }} {{ 1/3 }}", {}),
    ("big float from variable", "{{ x }} {{ y }}", {"x": 1e22, "y": 123456789.125}),
    ("list and dict repr", "{{ [1, 'a', none, true, 1.5, {'k': \"it's\"}] }}", {}),
    ("tuple repr", "{{ (1,) }} {{ (1, 2) }} {{ () }}", {}),
    ("string repr escapes", "{{ ['a\\nb', 'tab\\t', 'q\"', \"both'\\\"\", 'back\\\\slash', '\\x01'] }}", {}),
    ("string escapes", "{{ 'a\\tb' }}|{{ \"x\\\"y\" }}|{{ '\\u00e9\\x41\\101' }}|{{ 'keep \\d' }}|{{ 'join\\\nlines' }}", {}),
    ("adjacent strings concatenate", "{{ 'a' 'b' \"c\" }}", {}),
    ("unicode text", "{{ 'ünïcödé 😀 ｜' }}", {}),
    # operators
    ("arithmetic", "{{ 7 + 2 }} {{ 7 - 2 }} {{ 7 * 2 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 10 }} {{ 4 / 2 }}", {}),
    ("negative floor and mod", "{{ -7 // 2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ -7.5 // 2 }} {{ -7.5 % 2 }}", {}),
    ("precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} {{ 10 - 4 - 3 }}", {}),
    ("bool arithmetic", "{{ true + 1 }} {{ true + true }} {{ 3 * false }}", {}),
    ("string concat and repeat", "{{ 'ab' + 'cd' }} {{ 'ab' * 3 }} {{ 2 * 'x' }} {{ [1] * 3 }} {{ [1] + [2] }}", {}),
    ("tilde concat", "{{ 'a' ~ 1 ~ none ~ true ~ 1.5 ~ undefined_thing }}", {}),
    ("comparisons", "{{ 1 < 2 }} {{ 2 <= 1 }} {{ 'a' < 'b' }} {{ [1, 2] < [1, 3] }} {{ 1 == 1.0 }} {{ true == 1 }} {{ 'a' != 'a' }}", {}),
    ("chained comparison", "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 3 > 2 == 2 }}", {}),
    ("equality deep", "{{ {'a': [1, 2]} == {'a': [1, 2.0]} }} {{ [1] == (1,) }} {{ none == none }}", {}),
    ("in and not in", "{{ 'b' in 'abc' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 'z' not in 'abc' }} {{ 3 not in [3] }}", {}),
    ("logic returns operands", "{{ 0 or 'x' }} {{ 'a' and 'b' }} {{ '' and 'b' }} {{ none or [] }} {{ not 0 }} {{ not 'a' }}", {}),
    ("logic precedence", "{{ true or false and false }} {{ not true or true }} {{ not (true or true) }}", {}),
    ("conditional expression", "{{ 'a' if true else 'b' }} {{ 'a' if false else 'b' }} [{{ 'a' if false }}] {{ 1 if 0 else 2 if 1 else 3 }}", {}),
    ("filter binds tighter than plus", "{{ 'a' + '  b  ' | trim + 'c' }} {{ -3 | abs }} {{ [1, 2] | length - 1 }}", {}),
    ("unary minus and filters", "{{ -x | abs }} {{ - 2.5 }}", {"x": 4}),
    # variables, attributes, items
    ("attribute and item", "{{ m.role }} {{ m['content'] }} {{ m.get('role') }} {{ m.get('missing', 'dflt') }} {{ m.get('missing') }}", {"m": M[1]}),
    ("missing attribute is undefined", "[{{ m.nothing }}] {{ m.nothing is defined }} {{ m['nothing'] is defined }}", {"m": M[1]}),
    ("attribute of none is undefined", "{{ x.y is defined }}", {"x": None}),
    ("index and negative index", "{{ l[0] }} {{ l[-1] }} {{ l[5] is defined }} {{ 'abc'[1] }} {{ 'abc'[-1] }}", {"l": [10, 20, 30]}),
    ("dotted integer index", "{{ l.1 }}", {"l": ["a", "b"]}),
    ("slices", "{{ l[1:] }} {{ l[:-1] }} {{ l[::-1] }} {{ l[::2] }} {{ l[1:3] }} {{ l[-2:] }} {{ l[5:] }} {{ l[3:1:-1] }}", {"l": [0, 1, 2, 3, 4]}),
    ("string slices", "{{ s[1:] }} {{ s[::-1] }} {{ s[-3:] }} {{ s[:2] }} {{ s[::2] }}", {"s": "abcdef"}),
    ("unicode slices", "{{ s[1:] }} {{ s[::-1] }} {{ s|length }} {{ s[2] }}", {"s": "a😀bc"}),
    ("dict methods", "{{ d.keys() | list }} {{ d.values() | list }} {% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", {"d": {"x": 1, "y": 2}}),
    ("items key wins over method name", "{{ d['items'] }}", {"d": {"items": 5}}),
    ("undefined prints empty", "[{{ nothing }}] {{ nothing is defined }} {{ nothing is undefined }}", {}),
    ("none is defined", "{{ x is defined }} {{ x is none }}", {"x": None}),
    # tests
    ("type tests", "{{ 'a' is string }} {{ 1 is number }} {{ 1.5 is number }} {{ true is number }} {{ 1 is integer }} {{ true is integer }} {{ 1.0 is float }} {{ {} is mapping }} {{ [] is mapping }} {{ true is boolean }}", {}),
    ("iterable and sequence tests", "{{ 'a' is iterable }} {{ [] is iterable }} {{ {} is iterable }} {{ 1 is iterable }} {{ none is iterable }} {{ 'a' is sequence }} {{ {} is sequence }} {{ nothing is iterable }} {{ nothing is sequence }}", {}),
    ("value tests", "{{ x is true }} {{ x is false }} {{ 0 is false }} {{ none is none }} {{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }}", {"x": False}),
    ("comparison tests", "{{ 'a' is equalto 'a' }} {{ 1 is eq 2 }} {{ 1 is ne 2 }} {{ 1 is lt 2 }} {{ 2 is gt 1 }} {{ 2 is ge 2 }} {{ 1 is le 0 }} {{ 1 is in [1] }} {{ 'x' is sameas 'x' }} {{ none is sameas none }}", {}),
    ("case tests", "{{ 'abc' is lower }} {{ 'ABC' is upper }} {{ 'Abc' is lower }} {{ '1' is lower }}", {}),
    ("callable test", "{{ namespace is callable }} {{ 'a' is callable }} {{ 'a'.strip is callable }}", {}),
    ("is not", "{{ 1 is not none }} {{ none is not none }} {{ x is not defined }}", {}),
    ("filter and test tests", "{{ 'trim' is filter }} {{ 'nope' is filter }} {{ 'defined' is test }}", {}),
    # filters
    ("trim", "[{{ '  a b \\n' | trim }}] [{{ 'xxaxx' | trim('x') }}] [{{ nothing | trim }}]", {}),
    ("length and count", "{{ 'abc' | length }} {{ [1, 2] | count }} {{ {'a': 1} | length }} {{ nothing | length }}", {}),
    ("case filters", "{{ 'hello WORLD' | upper }} {{ 'Hello' | lower }} {{ 'hello world-wide (x' | title }} {{ 'hELLO there' | capitalize }}", {}),
    ("python title differs from filter", "{{ \"they're 1st\".title() }} | {{ \"they're 1st\" | title }}", {}),
    ("replace filter", "{{ 'aaa' | replace('a', 'b') }} {{ 'aaa' | replace('a', 'b', 2) }} {{ 'abc' | replace('', '-') }}", {}),
    ("default filter", "{{ nothing | default('d') }} {{ none | default('d') }} {{ '' | default('d') }} {{ '' | default('d', true) }} {{ nothing | d('x') }} {{ 0 | default('z', boolean=true) }}", {}),
    ("first and last", "{{ [1, 2, 3] | first }} {{ [1, 2, 3] | last }} {{ 'abc' | first }} {{ 'abc' | last }} [{{ [] | first }}] [{{ nothing | first }}]", {}),
    ("join", "{{ [1, 2, 3] | join }} {{ ['a', 'b'] | join(', ') }} {{ [{'n': 'x'}, {'n': 'y'}] | join('-', attribute='n') }} {{ [none, 1] | join(',') }}", {}),
    ("list filter", "{{ 'ab' | list }} {{ {'a': 1} | list }} {{ (1, 2) | list }} {{ nothing | list }}", {}),
    ("string filter", "{{ 1 | string }} {{ none | string }} {{ [1, 'a'] | string }} [{{ nothing | string }}] {{ (1 | string) is string }}", {}),
    ("int and float filters", "{{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int }} {{ 'x' | int(7) }} {{ 3.9 | int }} {{ true | int }} {{ '1.5' | float }} {{ 'x' | float }} {{ 2 | float }} {{ ' 12 ' | int }} {{ '0x1A' | int(0, 16) }}", {}),
    ("round and abs", "{{ 2.5 | round }} {{ 3.5 | round }} {{ 2.675 | round(2) }} {{ 7 | round }} {{ 1.25 | round(1, 'floor') }} {{ 1.21 | round(1, 'ceil') }} {{ -4 | abs }} {{ -1.5 | abs }}", {}),
    ("sum min max", "{{ [1, 2, 3] | sum }} {{ [1.5, 2] | sum }} {{ [{'v': 2}, {'v': 3}] | sum(attribute='v') }} {{ [3, 1, 2] | min }} {{ ['b', 'A', 'c'] | max }} {{ [] | max is defined }}", {}),
    ("sort", "{{ [3, 1, 2] | sort }} {{ ['b', 'A', 'c'] | sort }} {{ ['b', 'A', 'c'] | sort(case_sensitive=true) }} {{ [3, 1, 2] | sort(reverse=true) }} {{ [{'n': 2}, {'n': 1}] | sort(attribute='n') }}", {}),
    ("unique and reverse", "{{ [1, 2, 1, 3, 2] | unique | list }} {{ ['a', 'A', 'b'] | unique | list }} {{ 'abc' | reverse }} {{ [1, 2, 3] | reverse | list }}", {}),
    ("map", "{{ [{'n': 'a'}, {'n': 'b'}] | map(attribute='n') | list }} {{ ['a', 'b'] | map('upper') | list }} {{ [{'n': 1}, {}] | map(attribute='n', default=0) | list }} {{ ['a,b', 'c'] | map('replace', ',', ';') | join }}", {}),
    ("select and reject", "{{ [0, 1, 2, 3] | select | list }} {{ [1, 2, 3, 4] | select('odd') | list }} {{ [1, 2, 3, 4] | reject('odd') | list }} {{ ['a', 1, 'b'] | select('string') | list }} {{ [1, 2, 3] | select('greaterthan', 1) | list }}", {}),
    ("selectattr and rejectattr", "{{ msgs | selectattr('role', 'equalto', 'user') | map(attribute='content') | list }} {{ msgs | rejectattr('role', 'equalto', 'user') | list | length }} {{ [{'a': 1}, {'a': 0}, {}] | selectattr('a') | list }} {{ [{'a': {'b': 1}}] | selectattr('a.b', 'eq', 1) | list | length }}", {"msgs": M}),
    ("items filter", "{% for k, v in {'x': 1, 'y': [2]} | items %}{{ k }}:{{ v }};{% endfor %}[{% for x in nothing | items %}{{ x }}{% endfor %}]", {}),
    ("dictsort", "{{ {'b': 1, 'a': 2, 'C': 0} | dictsort }} {{ {'b': 1, 'a': 2} | dictsort(by='value') }} {{ {'b': 1, 'a': 2} | dictsort(reverse=true) }}", {}),
    ("indent", "[{{ 'a\\nb\\n\\nc' | indent }}] [{{ 'a\\nb' | indent(2, true) }}] [{{ 'a\\n\\nb' | indent(2, blank=true) }}] [{{ 'a\\nb' | indent('> ') }}]", {}),
    ("escape and safe", "{{ '<a href=\"x\">&\\'</a>' | e }} {{ '<b>' | safe }} {{ none | safe }}", {}),
    ("wordcount and center", "{{ 'hello big world' | wordcount }} [{{ 'ab' | center(6) }}] [{{ 'abc' | center(6) }}]", {}),
    ("attr filter", "{% set ns = namespace(x=3) %}{{ ns | attr('x') }} {{ d | attr('k') is defined }} {{ 'a' | attr('upper') is callable }}", {"d": {"k": 1}}),
    ("tojson basics", "{{ x | tojson }}", {"x": {"a": [1, 2.5, None, True, "é\n\"<>&'"], "b": {}, "c": [], "d": 1e20}}),
    ("tojson indent", "{{ x | tojson(indent=2) }}", {"x": {"a": [1, {}], "b": [], "c": {"d": None}}}),
    ("tojson indent 4 and sort keys", "{{ x | tojson(indent=4, sort_keys=true) }}", {"x": {"b": 1, "a": [True]}}),
    ("tojson ensure_ascii and separators", "{{ x | tojson(ensure_ascii=true) }} {{ x | tojson(separators=(',', ':')) }}", {"x": {"k": "é😀", "n": [1, 2]}}),
    ("tojson of scalars", "{{ 'a\\u2028b' | tojson }} {{ 1 | tojson }} {{ none | tojson }} {{ 1.0 | tojson }} {{ (1, 2) | tojson }} {{ {1: 'a', true: 'b'} | tojson }}", {}),
    # python string methods
    ("strip family", "[{{ '  a  '.strip() }}] [{{ '\\n\\na\\n'.lstrip('\\n') }}] [{{ 'a\\n\\n'.rstrip('\\n') }}] [{{ 'xyaxy'.strip('yx') }}] [{{ '\\u00a0a\\u3000'.strip() }}]", {}),
    ("split", "{{ 'a,b,,c'.split(',') }} {{ '  a  b '.split() }} {{ 'a,b,c'.split(',', 1) }} {{ 'a,b,c'.rsplit(',', 1) }} {{ 'x'.split('y') }} {{ ''.split(',') }} {{ ''.split() }} {{ ' a b c '.split(none, 1) }} {{ ' a b c '.rsplit(none, 1) }}", {}),
    ("split think", "{% set c = '<think>\\nreason\\n</think>\\n\\nanswer' %}[{{ c.split('</think>')[-1].lstrip('\\n') }}] [{{ c.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') }}]", {}),
    ("startswith endswith", "{{ 'abc'.startswith('ab') }} {{ 'abc'.endswith('bc') }} {{ 'abc'.startswith(('x', 'a')) }} {{ 'abc'.endswith('x') }}", {}),
    ("case methods", "{{ 'aBc'.upper() }} {{ 'aBc'.lower() }} {{ 'hello world'.title() }} {{ 'hELLO'.capitalize() }} {{ 'aB'.swapcase() }}", {}),
    ("replace find count", "{{ 'aXbXc'.replace('X', '-') }} {{ 'aXbXc'.replace('X', '-', 1) }} {{ 'abcb'.find('b') }} {{ 'abcb'.rfind('b') }} {{ 'abc'.find('z') }} {{ 'abcb'.count('b') }}", {}),
    ("join and predicates", "{{ '-'.join(['a', 'b']) }} {{ '12'.isdigit() }} {{ 'a1'.isalnum() }} {{ 'ab'.isalpha() }} {{ ' '.isspace() }} {{ 'AB'.isupper() }} {{ 'ab'.islower() }}", {}),
    ("misc methods", "{{ 'abc'.removeprefix('a') }} {{ 'abc'.removesuffix('c') }} {{ '5'.zfill(3) }} [{{ 'a'.ljust(3) }}] [{{ 'a'.rjust(3, '*') }}] {{ 'a=b=c'.partition('=') }} {{ 'a\\nb\\r\\nc'.splitlines() }}", {}),
    ("list methods", "{{ [1, 2, 2].count(2) }} {{ ['a', 'b'].index('b') }}", {}),
    # statements
    ("if elif else", "{% for x in [1, 2, 3] %}{% if x == 1 %}one{% elif x == 2 %}two{% else %}many{% endif %};{% endfor %}", {}),
    ("for over dict string and undefined", "{% for k in {'a': 1, 'b': 2} %}{{ k }}{% endfor %}|{% for c in 'xy' %}{{ c }}{% endfor %}|{% for u in nothing %}{{ u }}{% endfor %}|", {}),
    ("loop variables", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}", {}),
    ("loop previtem nextitem cycle", "{% for x in [1, 2, 3] %}[{{ loop.previtem }}|{{ loop.nextitem }}|{{ loop.cycle('o', 'e') }}]{% endfor %}", {}),
    ("nested loops shadow loop", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ loop.index }}{{ b }}{% endfor %}{{ loop.index }};{% endfor %}", {}),
    ("for else", "{% for x in [] %}{{ x }}{% else %}empty{% endfor %}|{% for x in [1] %}{{ x }}{% else %}empty{% endfor %}", {}),
    ("for with filter", "{% for x in [1, 2, 3, 4] if x is even %}{{ x }}{{ loop.length }}{{ loop.last }};{% endfor %}", {}),
    ("for unpacking", "{% for a, b in [[1, 2], (3, 4)] %}{{ a }}{{ b }};{% endfor %}{% for k, v in {'p': 'q'}.items() %}{{ k }}{{ v }}{% endfor %}", {}),
    ("break and continue", "{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}", {}),
    ("range", "{{ range(3) | list }} {{ range(1, 7, 2) | list }} {{ range(5, 0, -2) | list }} {{ range(0) | list }}", {}),
    ("set and scoping", "{% set x = 1 %}{% for i in [1, 2] %}{{ x }}{% set x = i + 10 %}{{ x }};{% endfor %}{{ x }}", {}),
    ("set in loop does not leak accumulation", "{% set acc = [] %}{% for i in [1, 2] %}{% set acc = acc + [i] %}{{ acc }}{% endfor %}{{ acc }}", {}),
    ("set in if leaks", "{% if true %}{% set y = 5 %}{% endif %}{{ y }}", {}),
    ("namespace carries out of loop", "{% set ns = namespace(n=0, found=false) %}{% for i in [1, 2, 3] %}{% set ns.n = ns.n + i %}{% if i == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.n }} {{ ns.found }} {{ ns.missing is defined }}", {}),
    ("namespace from dict and empty", "{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }}{% set e = namespace() %}{% set e.v = 'x' %}{{ e.v }}", {}),
    ("tuple set", "{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set c, d = 'xy' %}{{ c }}{{ d }}", {}),
    ("block set", "{% set x %}\n  inner {{ 1 + 1 }}\n{% endset %}[{{ x }}]", {}),
    ("with block", "{% set a = 1 %}{% with a = 2, b = a %}{{ a }}{{ b }}{% endwith %}{{ a }}", {}),
    ("shadowing a variable", "{% set messages = messages[1:] %}{{ messages | length }}", {"messages": M}),
    ("macro", "{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('a') }} {{ greet('b', '?') }} {{ greet(punct='.', name='c') }} [{{ greet() }}]", {}),
    ("macro sees outer variable at call time", "{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}", {}),
    ("macro default reads outer", "{% macro m(a, b=x) %}{{ a }}{{ b }}{% endmacro %}{% set x = 5 %}{{ m(1) }}", {}),
    ("recursive macro", "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * (fact(n - 1) | int) }}{% endif %}{% endmacro %}{{ fact(5) }}", {}),
    ("macro with loop and trim", "{% macro render(items) %}\n  {%- for i in items %}\n    {{- i }}\n  {%- endfor %}\n{% endmacro %}[{{ render([1, 2]) }}]", {}),
    ("set in macro does not leak", "{% set x = 1 %}{% macro m() %}{% set x = 2 %}{{ x }}{% endmacro %}{{ m() }}{{ x }}", {}),
    ("namespace changed in macro is seen outside", "{% set ns = namespace(n=0) %}{% macro bump() %}{% set ns.n = ns.n + 1 %}{% endmacro %}{{ bump() }}{{ bump() }}{{ ns.n }}", {}),
    ("macro does not see the caller's loop", "{% macro m() %}{{ loop is defined }}{% endmacro %}{% for i in [1] %}{{ m() }}{{ loop is defined }}{% endfor %}", {}),
    ("missing macro argument is undefined", "{% macro m(a, b) %}{{ b is defined }}[{{ b }}]{% endmacro %}{{ m(1) }}", {}),
    ("macro defined in a loop sees the iteration", "{% for i in [1, 2] %}{% macro m() %}{{ i }}{% endmacro %}{{ m() }}{% endfor %}", {}),
    ("macro calling another macro", "{% macro inner(x) %}<{{ x }}>{% endmacro %}{% macro outer(items) %}{% for i in items %}{{ inner(i) }}{% endfor %}{% endmacro %}{{ outer(['a', 'b']) }}", {}),
    ("macro result is string", "{% macro m() %}5{% endmacro %}{{ m() is string }} {{ m() + '1' }}", {}),
    ("generation block", "{% for m in messages %}{% generation %}{{ m.content }}{% set inside = 1 %}{% endgeneration %}{% endfor %}[{{ inside }}]", {"messages": M}),
    ("whitespace in indented template", "{%- for m in messages %}\n    {%- if m.role == 'user' %}\n        {{- '<u>' + m.content }}\n    {%- else %}\n        {{- '<o>' + m.content }}\n    {%- endif %}\n{%- endfor %}\n", {"messages": M}),
    ("strftime_now is defined", "{{ strftime_now is defined }}", {}),
    ("dict global", "{{ dict(a=1, b='x') }}", {}),
    # mixed cases seen in chat templates
    ("filters on undefined", "[{{ nothing | upper }}][{{ nothing | lower }}][{{ nothing | default }}][{{ nothing | join(',') }}][{{ nothing | replace('a', 'b') }}][{{ nothing | capitalize }}]", {}),
    ("dictsort in a loop", "{% for k, v in {'b': 2, 'a': 1} | dictsort %}{{ k }}{{ v }}{% endfor %}", {}),
    ("map string then join", "{{ [1, 2.5, none, true] | map('string') | join(',') }}", {}),
    ("last user message", "{{ (messages | selectattr('role', 'equalto', 'user') | list | last).content }}", {"messages": M}),
    ("length comparisons", "{{ (messages | length) > 1 }} {{ messages | length > 1 }} {{ messages | length == 4 }}", {"messages": M}),
    ("unary after operator", "{{ 2 * -1 }} {{ 10 // 3 * 3 }} {{ - - 2 }} {{ not not 0 }} {{ 3 - -3 }}", {}),
    ("zero and negative repeats", "[{{ 'abc' * 0 }}] {{ [1, 2] * -1 }} {{ -0 }} {{ -0.0 }}", {}),
    ("large numbers", "{{ 2 ** 62 }} {{ 9223372036854775807 }} {{ 1e300 * 10 }} {{ 1e300 * 1e300 }} {{ -1e300 * 1e300 }}", {}),
    ("conditional with and", "{{ 'x' if a is defined and a else 'y' }} {{ 'x' if b is defined and b else 'y' }}", {"a": 1}),
    ("string tests in conditions", "{% if m.content is string and m.content.startswith('<tool_response>') %}tool{% else %}text{% endif %}", {"m": {"content": "<tool_response>x"}}),
    ("none comparisons", "{{ none == none }} {{ none != 0 }} {{ none is none }} {{ [none] | length }}", {}),
    ("items of nested tool arguments", "{% for k, v in args.items() %}{{ k }}={{ v | tojson }};{% endfor %}", {"args": {"city": "Paris", "days": 3, "units": ["c"], "x": None}}),
    ("tojson of nested unicode and floats", "{{ x | tojson }}", {"x": {"t": 1.0, "u": -0.5, "big": 12345678901234567890.0, "small": 1e-7, "s": "tab\there ü"}}),
    ("dict literal order and update", "{{ {'b': 1, 'a': 2} }} {{ {'a': 1, 'a': 2} }} {{ {1: 'x', 1.0: 'y'} }}", {}),
    ("membership in dict keys and values", "{{ 'a' in d }} {{ 1 in d.values() }} {{ 'z' in d.keys() }}", {"d": {"a": 1}}),
    ("loop over items with index", "{% for k, v in d | items %}{{ loop.index }}{{ k }}{{ v }}{{ ',' if not loop.last }}{% endfor %}", {"d": {"x": 1, "y": 2}}),
    ("string comparison order", "{{ 'a' < 'B' }} {{ 'Z' < 'a' }} {{ 'é' > 'z' }} {{ [1, 'a'] < [1, 'b'] }}", {}),
    ("trim with newlines inside", "[{{ '\n\n  text \n  more  \n' | trim }}]", {}),
    ("split keeps empty ends", "{{ '</think>'.split('</think>') }} {{ 'a</think>'.split('</think>') }} {{ '</think>b'.split('</think>')[-1] }}", {}),
    ("replace with newlines", "{{ 'a\r\nb'.replace('\r\n', '\n') | tojson }}", {}),
    ("startswith on undefined errors", "{{ nothing.startswith('x') if nothing is defined else 'no' }}", {}),
    ("slicing with variables", "{% set n = 2 %}{{ l[n:] }} {{ l[:n] }} {{ l[-n:] }} {{ l[n - 1] }}", {"l": [1, 2, 3, 4]}),
    # errors (the expected outcome is a failure)
    ("error: raise_exception", "{% if true %}{{ raise_exception('Roles must alternate!') }}{% endif %}", {}),
    ("error: str plus int", "{{ 'a' + 1 }}", {}),
    ("error: none plus str", "{{ none + 'a' }}", {}),
    ("error: undefined plus str", "{{ nothing + 'a' }}", {}),
    ("error: attribute of undefined", "{{ nothing.x }}", {}),
    ("error: call undefined", "{{ nothing() }}", {}),
    ("error: iterate none", "{% for x in none %}{% endfor %}", {}),
    ("error: length of int", "{{ 1 | length }}", {}),
    ("error: division by zero", "{{ 1 / 0 }}", {}),
    ("error: compare str and int", "{{ 'a' < 1 }}", {}),
    ("error: unknown filter", "{{ 1 | nosuchfilter }}", {}),
    ("error: unknown test", "{{ 1 is nosuchtest }}", {}),
    ("error: unclosed if", "{% if true %}x", {}),
    ("error: unclosed variable", "{{ x", {}),
    ("error: unknown tag", "{% frobnicate %}", {}),
    ("error: set attribute on non-namespace", "{% set d = {} %}{% set d.x = 1 %}", {}),
    ("error: tojson of undefined", "{{ nothing | tojson }}", {}),
    ("error: unpack mismatch", "{% for a, b in [[1, 2, 3]] %}{% endfor %}", {}),
    ("error: in with int container", "{{ 1 in 5 }}", {}),
    ("error: items of list", "{{ [1] | items | list }}", {}),
    ("error: split with empty separator", "{{ 'a'.split('') }}", {}),
    ("error: none ordering", "{{ none < 1 }}", {}),
    ("error: attribute of undefined attribute", "{{ m.tool_calls.function }}", {"m": M[1]}),
    ("error: list plus string", "{{ [1] + 'a' }}", {}),
    ("slices that are type errors are undefined", "[{{ [1, 2]['a':] }}] [{{ 5[1:] }}] [{{ {'a': 1}[1:] }}] {{ [1, 2][1.5:] is defined }}", {}),
    ("error: zero slice step", "{{ [1, 2][::0] }}", {}),
    ("error: macro with too many arguments", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", {}),
    ("error: string index on int", "{{ 5[0] }}x{{ 5[0] + 1 }}", {}),
]


SYSTEM = {"role": "system", "content": "You are a careful assistant."}
QUESTION = {"role": "user", "content": "What is 17 * 23?"}
ANSWER = {"role": "assistant", "content": "<think>\n17 * 23 = 340 + 51 = 391.\n</think>\n\n**391**"}
FOLLOW_UP = {"role": "user", "content": "And 18 * 23?"}
TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Current weather in a city",
          "parameters": {"type": "object", "properties": {"city": {"type": "string", "description": "City name"}},
                         "required": ["city"]}}}]


def tool_round_trip(arguments):
    return [{"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": "", "tool_calls": [
                {"id": "call12345", "type": "function", "function": {"name": "get_weather", "arguments": arguments}}]},
            {"role": "tool", "tool_call_id": "call12345", "name": "get_weather", "content": "{\"temp_c\": 18}"},
            {"role": "assistant", "content": "It is 18 °C in Paris."},
            {"role": "user", "content": "Thanks!"}]


# what apply_chat_template passes besides the conversation
BASE = {"tools": None, "documents": None, "bos_token": "<s>", "eos_token": "</s>"}
CONVERSATIONS = [
    ("question", {"messages": [SYSTEM, QUESTION], "add_generation_prompt": True}),
    ("question without system", {"messages": [QUESTION], "add_generation_prompt": True}),
    ("question, no generation prompt", {"messages": [SYSTEM, QUESTION], "add_generation_prompt": False}),
    ("follow-up after a thinking answer", {"messages": [SYSTEM, QUESTION, ANSWER, FOLLOW_UP], "add_generation_prompt": True}),
    ("answer with reasoning_content", {"messages": [QUESTION, {"role": "assistant", "content": "**391**",
                                                               "reasoning_content": "17 * 23 = 391."}],
                                       "add_generation_prompt": False}),
    ("thinking off", {"messages": [SYSTEM, QUESTION], "add_generation_prompt": True, "enable_thinking": False}),
    ("thinking on", {"messages": [SYSTEM, QUESTION], "add_generation_prompt": True, "enable_thinking": True}),
    ("tools offered", {"messages": [SYSTEM, {"role": "user", "content": "Weather in Paris?"}], "tools": TOOLS,
                       "add_generation_prompt": True}),
    ("tool call, arguments as text", {"messages": tool_round_trip("{\"city\": \"Paris\"}"), "add_generation_prompt": True}),
    ("tool call, arguments as object", {"messages": tool_round_trip({"city": "Paris"}), "add_generation_prompt": True}),
    ("two user turns in a row", {"messages": [QUESTION, FOLLOW_UP], "add_generation_prompt": True}),
    ("unicode and whitespace", {"messages": [{"role": "user", "content": "  Ünïcödé ｜ 😀 \n"}], "add_generation_prompt": True}),
]


def outcome(env, template, variables):
    try:
        return {"expected": env.from_string(template).render(**variables)}
    except jinja2.exceptions.TemplateSyntaxError as e:
        return {"error": "syntax", "message": str(e)}
    except Exception as e:  # noqa: BLE001 - any failure is an expected outcome here
        kind = "raised" if type(e) is jinja2.exceptions.TemplateError else "render"
        return {"error": kind, "message": f"{type(e).__name__}: {e}"}


def real_template_cases(env):
    cases = []
    for path in sorted(RESOURCES.glob("*.jinja")):
        template = path.read_text(encoding="utf-8")
        for name, conversation in CONVERSATIONS:
            variables = {**BASE, **conversation}
            cases.append({"template": path.stem, "conversation": name, "variables": variables,
                          **outcome(env, template, variables)})
    return cases


def main():
    env = environment()
    results = []
    for name, template, variables in CASES:
        results.append({"name": name, "template": template, "variables": variables, **outcome(env, template, variables)})
    write(OUT, results)
    write(REAL_OUT, real_template_cases(env))


def write(path, cases):
    path.write_text(json.dumps({"jinja2": jinja2.__version__, "cases": cases}, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    print(f"{len(cases)} cases, {sum('error' in c for c in cases)} expected errors -> {path}")


if __name__ == "__main__":
    main()
