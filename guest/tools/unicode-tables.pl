#!/usr/bin/perl
# Writes guest/src/unicode_tables.h: the character classes and simple case
# mappings that characters.cc needs, as compact tables derived from the
# Unicode Character Database that Perl carries (Unicode::UCD).
#
#   perl guest/tools/unicode-tables.pl > guest/src/unicode_tables.h
#
# Classes are inversion lists: sorted code points where membership flips, so
# a code point is in the class when an odd number of them are <= it. Case
# mappings are runs: every `stride`-th code point from `first` to `last` maps
# to itself plus `delta`; code points in no run map to themselves. The full
# mappings that give more than one character (ß to SS) are listed apart. Before
# writing, the script checks every code point against the tables as the C++
# lookup reads them.
use strict;
use warnings;
use Unicode::UCD qw(prop_invlist prop_invmap charinfo);

my $max = 0x10FFFF;

sub inversion_list {
  my ($property) = @_;
  my @list = prop_invlist($property);
  die "no property $property" unless @list;
  return \@list;
}

sub in_list {
  my ($list, $cp) = @_;
  my ($lo, $hi) = (0, scalar @$list);  # count of boundaries <= cp
  while ($lo < $hi) {
    my $mid = int(($lo + $hi) / 2);
    if ($list->[$mid] <= $cp) { $lo = $mid + 1 } else { $hi = $mid }
  }
  return $lo % 2;
}

# The full map of a mapping property, code point => mapped code point, for the
# code points that do not map to themselves.
sub mapping {
  my ($property) = @_;
  my ($list, $map, $format, $default) = prop_invmap($property);
  die "unexpected format $format for $property" unless $format eq 'a';
  my %changed;
  for my $i (0 .. $#$list) {
    next if $map->[$i] eq '0';
    my $end = $i < $#$list ? $list->[$i + 1] - 1 : $max;
    for my $cp ($list->[$i] .. $end) {
      my $to = $map->[$i] + ($cp - $list->[$i]);
      $changed{$cp} = $to if $to != $cp;
    }
  }
  return \%changed;
}

# The code points whose full mapping is more than one character (SpecialCasing
# and the full case folding), code point => [characters].
sub expansions {
  my ($property) = @_;
  my ($list, $map, $format, $default) = prop_invmap($property);
  die "unexpected format $format for $property" unless $format eq 'al';
  my %expanded;
  for my $i (0 .. $#$list) {
    next unless ref $map->[$i];
    my $end = $i < $#$list ? $list->[$i + 1] - 1 : $max;
    die "a range of expansions in $property" unless $end == $list->[$i];
    $expanded{$list->[$i]} = $map->[$i];
  }
  return \%expanded;
}

# Runs of equal deltas, stride 1 or 2, that never overlap.
sub runs {
  my ($changed) = @_;
  my @cps = sort { $a <=> $b } keys %$changed;
  my @runs;
  my $i = 0;
  while ($i < @cps) {
    my $first = $cps[$i];
    my $delta = $changed->{$first} - $first;
    my $stride = 1;
    my $next = $i + 1 < @cps ? $cps[$i + 1] : -1;
    if ($next == $first + 2 && $changed->{$next} - $next == $delta && !exists $changed->{$first + 1}) {
      $stride = 2;
    }
    my $last = $first;
    $i++;
    while ($i < @cps && $cps[$i] == $last + $stride && $changed->{$cps[$i]} - $cps[$i] == $delta
           && ($stride == 1 || !exists $changed->{$last + 1})) {
      $last = $cps[$i];
      $i++;
    }
    push @runs, [$first, $last, $stride, $delta];
  }
  return \@runs;
}

sub mapped {
  my ($runs, $cp) = @_;
  my ($lo, $hi) = (0, scalar @$runs);  # runs whose first is <= cp
  while ($lo < $hi) {
    my $mid = int(($lo + $hi) / 2);
    if ($runs->[$mid][0] <= $cp) { $lo = $mid + 1 } else { $hi = $mid }
  }
  return $cp if $lo == 0;
  my ($first, $last, $stride, $delta) = @{$runs->[$lo - 1]};
  return $cp if $cp > $last || ($cp - $first) % $stride;
  return $cp + $delta;
}

my %classes = (
  kAlphabetic => inversion_list('Alphabetic'),
  kUppercase => inversion_list('Uppercase'),
  kLowercase => inversion_list('Lowercase'),
  kWhiteSpace => inversion_list('White_Space'),
  kDecimalDigit => inversion_list('gc=Nd'),
  kFormat => inversion_list('gc=Cf'),
  kUnassigned => inversion_list('gc=Cn'),
);
my %mappings = (
  kUpcase => mapping('Simple_Uppercase_Mapping'),
  kDowncase => mapping('Simple_Lowercase_Mapping'),
  kFoldcase => mapping('Simple_Case_Folding'),
);
my %expansions = (
  kUpcaseExpansions => expansions('Uppercase_Mapping'),
  kDowncaseExpansions => expansions('Lowercase_Mapping'),
  kFoldcaseExpansions => expansions('Case_Folding'),
);
my %runs = map { $_ => runs($mappings{$_}) } keys %mappings;

# Check every code point, and that each decimal digit's value is its offset
# from the start of its range, modulo 10 (what digitValue computes).
my $digits = $classes{kDecimalDigit};
for my $cp (0 .. $max) {
  for my $name (keys %mappings) {
    my $want = exists $mappings{$name}{$cp} ? $mappings{$name}{$cp} : $cp;
    die sprintf("%s of U+%04X", $name, $cp) unless mapped($runs{$name}, $cp) == $want;
  }
}
for (my $i = 0; $i < @$digits; $i += 2) {
  for my $cp ($digits->[$i] .. $digits->[$i + 1] - 1) {
    my $value = charinfo($cp)->{decimal};
    die sprintf("digit value of U+%04X", $cp) unless $value == ($cp - $digits->[$i]) % 10;
  }
}

print "// Generated by guest/tools/unicode-tables.pl from Unicode ", Unicode::UCD::UnicodeVersion(), "; do not edit.\n";
print "// characters.cc reads these tables (the script's comment says how).\n";
print "#pragma once\n#include <stdint.h>\n\n";
print "struct CaseRun {\n  uint32_t first, last;\n  int32_t delta;\n  uint32_t stride;\n};\n";
print "// A full mapping of more than one character; unused places are 0.\n";
print "struct CaseExpansion {\n  uint32_t from;\n  uint32_t to[3];\n};\n";
for my $name (sort keys %classes) {
  my $list = $classes{$name};
  print "\nconst uint32_t ${name}[] = {";
  for my $i (0 .. $#$list) {
    print $i % 8 ? " " : "\n   ", sprintf("0x%x,", $list->[$i]);
  }
  print "\n};\n";
}
for my $name (sort keys %runs) {
  my $runs = $runs{$name};
  print "\nconst CaseRun ${name}[] = {";
  for my $run (@$runs) {
    printf "\n    {0x%x, 0x%x, %d, %d},", $run->[0], $run->[1], $run->[3], $run->[2];
  }
  print "\n};\n";
}
for my $name (sort keys %expansions) {
  my $expanded = $expansions{$name};
  print "\nconst CaseExpansion ${name}[] = {";
  for my $cp (sort { $a <=> $b } keys %$expanded) {
    my @to = @{$expanded->{$cp}};
    die "more than three characters" if @to > 3;
    push @to, 0 while @to < 3;
    printf "\n    {0x%x, {0x%x, 0x%x, 0x%x}},", $cp, @to;
  }
  print "\n};\n";
}
