//! Tokens and operators, as gc's scanner classifies them.
//!
//! gc's parser works on coarse token classes (`Operator`, `AssignOp`, `IncOp`…) and keeps the
//! precise operator and its precedence beside the token; this module does the same, so that the
//! parser can follow gc's grammar (and its error messages, which name tokens by these classes)
//! step by step.
//!
//! # Invariants
//! - `Tok::Operator`, `Tok::Star`, `Tok::AssignOp` and `Tok::IncOp` always come with an [`Op`];
//!   for `Operator` and `Star` its precedence is [`Op::precedence`].

/// A byte offset into the program's source space (see [`super::LineTable`]).
pub type Pos = u32;

/// A token class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tok {
    Eof,
    Name,
    Literal,
    /// Any binary or unary operator except `*` (which is [`Tok::Star`]).
    Operator,
    /// `op=`.
    AssignOp,
    /// `++` or `--`.
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Tok {
    /// The token's name in gc's messages (`tokstring`): punctuation as itself, `,` as
    /// "comma" and `;` as "semicolon or newline".
    pub fn describe(self) -> String {
        match self {
            Tok::Comma => "comma".to_string(),
            Tok::Semi => "semicolon or newline".to_string(),
            t if t.is_keyword() => format!("keyword {}", t.text()),
            t => t.text().to_string(),
        }
    }

    pub fn is_keyword(self) -> bool {
        (Tok::Break as u8..=Tok::Var as u8).contains(&(self as u8))
    }

    /// The token's spelling (gc's `token.String`).
    pub fn text(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => ",",
            Semi => ";",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The keyword spelled `word`, if any.
    pub fn keyword(word: &[u8]) -> Option<Tok> {
        use Tok::*;
        Some(match word {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => return None,
        })
    }

    /// A bit for token sets (there are fewer than 64 token classes).
    pub const fn bit(self) -> u64 {
        1 << self as u8
    }
}

/// An operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Not,
    Recv,
    Tilde,
    OrOr,
    AndAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
}

impl Op {
    pub fn text(self) -> &'static str {
        use Op::*;
        match self {
            Not => "!",
            Recv => "<-",
            Tilde => "~",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// Binary precedence: 1 `||`, 2 `&&`, 3 comparisons, 4 additive, 5 multiplicative; 0 for
    /// operators that are only unary.
    pub fn precedence(self) -> u8 {
        use Op::*;
        match self {
            OrOr => 1,
            AndAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | And | AndNot | Shl | Shr => 5,
            Not | Recv | Tilde => 0,
        }
    }

    pub fn is_comparison(self) -> bool {
        self.precedence() == 3
    }

    pub fn is_shift(self) -> bool {
        matches!(self, Op::Shl | Op::Shr)
    }
}

impl std::fmt::Display for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text())
    }
}

/// The kind of a literal token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_names_read_as_gc_prints_them() {
        assert_eq!(Tok::keyword(b"fallthrough"), Some(Tok::Fallthrough));
        assert_eq!(Tok::keyword(b"fall"), None);
        assert_eq!(Tok::Comma.describe(), "comma");
        assert_eq!(Tok::Semi.describe(), "semicolon or newline");
        assert_eq!(Tok::Rparen.describe(), ")");
        assert_eq!(Tok::Range.describe(), "keyword range");
        assert!(Tok::Var.bit() != 0 && (Tok::Var as u8) < 64);
    }

    #[test]
    fn precedence_follows_the_spec() {
        assert!(Op::Mul.precedence() > Op::Add.precedence());
        assert!(Op::Add.precedence() > Op::Eql.precedence());
        assert!(Op::AndAnd.precedence() > Op::OrOr.precedence());
        assert!(Op::Lss.is_comparison() && Op::Shl.is_shift());
    }
}
