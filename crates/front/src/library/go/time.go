// Package time declares chanlab's time package on the run's clock (virtual in sim mode).
// Durations are written in Go; the clock, sleeping, timers and tickers are the runtime's.
package time

import "errors"

// A Duration is the elapsed time between two instants as an int64 nanosecond count.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns a string representing the duration in the form "72h3m0.5s".
func (d Duration) String() string

func (d Duration) Nanoseconds() int64 { return int64(d) }

func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns the result of rounding d toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns the result of rounding d to the nearest multiple of m, halfway values
// away from zero.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// lessThanHalf reports whether r+r < m, without overflowing (r and m are not negative).
func lessThanHalf(r, m Duration) bool { return uint64(r)+uint64(r) < uint64(m) }

// Abs returns the absolute value of d.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

func (m Month) String() string

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string

// Layouts for Time.Format.
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// A Time is an instant, as seconds since January 1 of year 1 UTC (Go's zero Time, the zero
// value here too) and nanoseconds within the second, in [0, 1e9), and the fixed zone it is
// shown in (nil: UTC, which Local is too, as on Go's playground). A Time from Now (or a
// timer) also holds Go's monotonic clock reading, nanoseconds since the program started plus
// one, which String shows as Go does ("m=+0.000000001"); Add keeps it, and Round, Truncate,
// In, UTC and Local drop it, as in Go.
type Time struct {
	sec     int64
	nsec    int64
	loc     *Location
	mono    int64
	hasMono bool
}

// unixToInternal is the Unix epoch in seconds since the zero Time.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

// Now returns the current local time (the run's clock; Local is UTC).
func Now() Time {
	t := now()
	t.loc = Local
	return t
}

// now returns the run's clock.
func now() Time

// Unix returns the local Time corresponding to the given Unix time.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: nsec, loc: Local}
}

// UnixMilli returns the local Time corresponding to the given Unix time in milliseconds.
func UnixMilli(msec int64) Time {
	return Unix(msec/1e3, (msec%1e3)*1e6)
}

// UnixMicro returns the local Time corresponding to the given Unix time in microseconds.
func UnixMicro(usec int64) Time {
	return Unix(usec/1e6, (usec%1e6)*1e3)
}

// Since returns the time elapsed since t.
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until returns the duration until t.
func Until(t Time) Duration {
	return t.Sub(Now())
}

// Sub returns the duration t-u, saturated at the largest or smallest Duration when it does
// not fit.
func (t Time) Sub(u Time) Duration {
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	// Past the range of seconds, Go's Time stays at its end.
	sec := t.sec + dsec
	if (sec > t.sec) != (dsec > 0) {
		sec = 1<<63 - 1
		if dsec < 0 {
			sec = -sec
		}
	}
	u := Time{sec: sec, nsec: nsec, loc: t.loc}
	if te := t.mono + int64(d); t.hasMono && (d < 0) == (te < t.mono) {
		// A reading that would overflow is dropped, as Go drops it.
		u.mono, u.hasMono = te, true
	}
	return u
}

func (t Time) Before(u Time) bool { return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec }

func (t Time) After(u Time) bool { return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec }

func (t Time) Equal(u Time) bool { return t.sec == u.sec && t.nsec == u.nsec }

func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return 1
	}
	return 0
}

func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

func (t Time) Unix() int64 { return t.sec - unixToInternal }

func (t Time) UnixMilli() int64 { return t.Unix()*1e3 + t.nsec/1e6 }

func (t Time) UnixMicro() int64 { return t.Unix()*1e6 + t.nsec/1e3 }

func (t Time) UnixNano() int64 { return t.Unix()*1e9 + t.nsec }

func (t Time) Nanosecond() int { return int(t.nsec) }

// Truncate returns t rounded down to a multiple of d since the zero time.
func (t Time) Truncate(d Duration) Time {
	t.mono, t.hasMono = 0, false
	if d <= 0 {
		return t
	}
	return t.Add(-mod(t, d))
}

// Round returns t rounded to the nearest multiple of d since the zero time, halfway values
// rounding up.
func (t Time) Round(d Duration) Time {
	t.mono, t.hasMono = 0, false
	if d <= 0 {
		return t
	}
	r := mod(t, d)
	if uint64(r)+uint64(r) < uint64(d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// mod returns the remainder of t, as nanoseconds since the zero time, divided by d (> 0),
// in [0, d): Go's time.div, exact at any time.
func mod(t Time, d Duration) Duration

// String returns the time formatted as Go's Time.String does, with the monotonic clock
// reading when t has one: "2009-11-10 23:00:00 +0000 UTC m=+0.000000001".
func (t Time) String() string {
	s := t.wallString()
	if !t.hasMono {
		return s
	}
	sign, m := "+", uint64(t.mono)
	if t.mono < 0 {
		sign, m = "-", -m
	}
	frac := uitoa(m % 1e9)
	for len(frac) < 9 {
		frac = "0" + frac
	}
	return s + " m=" + sign + uitoa(m/1e9) + "." + frac
}

// wallString is String without the monotonic clock reading.
func (t Time) wallString() string

// uitoa returns u in decimal.
func uitoa(u uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			return string(b[i:])
		}
	}
}

// MarshalJSON is t in RFC 3339 form with its fraction, quoted (encoding/json's form).
func (t Time) MarshalJSON() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalJSON: year outside of range [0,9999]")
	}
	return []byte(`"` + t.Format(RFC3339Nano) + `"`), nil
}

// MarshalText is t in RFC 3339 form with its fraction.
func (t Time) MarshalText() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalText: year outside of range [0,9999]")
	}
	return []byte(t.Format(RFC3339Nano)), nil
}

// AppendFormat is like Format but appends the textual representation to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	return append(b, t.Format(layout)...)
}

// IsDST reports whether the time is in daylight saving time: never, in UTC and in fixed
// zones (Local is UTC).
func (t Time) IsDST() bool { return false }

// ZoneBounds returns the bounds of the time zone in effect at time t: a zone that goes on
// forever (UTC, a fixed zone) has zero Times for both.
func (t Time) ZoneBounds() (start, end Time) { return }

// GoString implements fmt.GoStringer: t as Go source, time.Date(...).
func (t Time) GoString() string

// UnmarshalJSON sets t from a quoted RFC 3339 time; null leaves it as it is.
func (t *Time) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var err error
	*t, err = Parse(`"`+RFC3339+`"`, string(data))
	return err
}

// UnmarshalText sets t from an RFC 3339 time.
func (t *Time) UnmarshalText(data []byte) error {
	var err error
	*t, err = Parse(RFC3339, string(data))
	return err
}

// Format returns a textual representation of the time value formatted according to the
// layout.
func (t Time) Format(layout string) string

func (t Time) Year() int
func (t Time) Month() Month
func (t Time) Day() int
func (t Time) Hour() int
func (t Time) Minute() int
func (t Time) Second() int
func (t Time) Weekday() Weekday
func (t Time) YearDay() int

// UTC returns t with the location set to UTC.
func (t Time) UTC() Time { return Time{sec: t.sec, nsec: t.nsec} }

// A Location maps time instants to the zone in use at that time: UTC, Local (UTC too, as on
// Go's playground), or a fixed zone, offset seconds east of UTC, whose abbreviation is zone.
type Location struct {
	name   string
	zone   string
	offset int
}

var (
	UTC   *Location = &utcLoc
	Local *Location = &localLoc

	utcLoc   = Location{"UTC", "UTC", 0}
	localLoc = Location{"Local", "UTC", 0}
)

// LoadLocation returns the Location with the given name: "" and "UTC" are UTC, "Local" is
// Local. chanlab carries no time zone database, so another name is the error Go gives where
// it finds none (a name that could be no file's is Go's invalid name).
func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	// No zone's name has "..", or starts with a slash or a backslash.
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errors.New("time: invalid location name")
	}
	return nil, errors.New("unknown time zone " + name)
}

// containsDotDot reports whether s contains "..".
func containsDotDot(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

// FixedZone returns a Location that always uses the given zone name and offset (seconds
// east of UTC).
func FixedZone(name string, offset int) *Location {
	return &Location{name, name, offset}
}

// zoned returns t shown in loc (UTC as nil, the zero Time's).
func (t Time) zoned(loc *Location) Time {
	if loc == UTC {
		loc = nil
	}
	return Time{sec: t.sec, nsec: t.nsec, loc: loc}
}

// String returns a descriptive name for the time zone information.
func (l *Location) String() string {
	if l == nil {
		return "UTC"
	}
	return l.name
}

// Location returns the time zone information associated with t.
func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

// In returns t with the location information set to loc.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	return t.zoned(loc)
}

// Zone computes the time zone in effect at time t: its abbreviated name and its offset in
// seconds east of UTC.
func (t Time) Zone() (name string, offset int) {
	if t.loc == nil {
		return "UTC", 0
	}
	return t.loc.zone, t.loc.offset
}

// Date returns the Time corresponding to yyyy-mm-dd hh:mm:ss + nsec nanoseconds. Values
// outside their usual ranges are normalized: October 32 is November 1, month 13 is January
// of the next year.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	year, m := norm(year, int(month)-1, 12)
	sec, nsec = norm(sec, nsec, 1e9)
	days := daysFromCivil(int64(year), int64(m)+1) + int64(day) - 1
	s := ((days*24+int64(hour))*60+int64(min))*60 + int64(sec)
	return Time{sec: s + unixToInternal - int64(loc.offset), nsec: int64(nsec)}.zoned(loc)
}

// norm returns hi and lo with lo brought into [0, base), carrying into hi.
func norm(hi, lo, base int) (nhi, nlo int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}

// daysFromCivil returns the days from 1970-01-01 to the first of month m (1 to 12) of year y
// in the proleptic Gregorian calendar: whole 400-year eras of 146097 days, then the years of
// the era counted from March, so that February's leap day ends a year.
func daysFromCivil(y, m int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yearOfEra := y - era*400
	monthFromMarch := (m + 9) % 12
	dayOfYear := (153*monthFromMarch + 2) / 5
	dayOfEra := yearOfEra*365 + yearOfEra/4 - yearOfEra/100 + dayOfYear
	return era*146097 + dayOfEra - 719468
}

// Date returns the year, month, and day in which t occurs.
func (t Time) Date() (year int, month Month, day int) { return t.Year(), t.Month(), t.Day() }

// Clock returns the hour, minute, and second within the day specified by t.
func (t Time) Clock() (hour, min, sec int) { return t.Hour(), t.Minute(), t.Second() }

// AddDate returns the time corresponding to adding the given number of years, months, and
// days to t, normalized as Date normalizes (October 31 plus one month is December 1).
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, t.Nanosecond(), t.Location())
}

// ISOWeek returns the ISO 8601 year and week number in which t occurs: weeks start on
// Monday, and week 1 holds the year's first Thursday.
func (t Time) ISOWeek() (year, week int) {
	// The Thursday of t's week decides its year.
	d := int(Thursday - t.Weekday())
	if d == 4 {
		d = -3 // Sunday ends its week
	}
	u := t.Add(Duration(d) * 24 * Hour)
	return u.Year(), (u.YearDay()-1)/7 + 1
}

// Local returns t in the local time zone, which is UTC.
func (t Time) Local() Time { return t.zoned(Local) }

// Sleep pauses the current goroutine for at least the duration d.
func Sleep(d Duration)

// After waits for the duration to elapse and then sends the current time on the returned
// channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// Tick returns a channel delivering ticks at intervals of d (nil if d <= 0).
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// The Timer type represents a single event: when it fires, the current time is sent on C
// (unless it was created by AfterFunc).
type Timer struct {
	C  <-chan Time
	id int
}

// NewTimer creates a new Timer that will send the current time on its channel after at
// least duration d.
func NewTimer(d Duration) *Timer

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{id: afterFunc(d, f)}
}

// afterFunc starts the runtime's timer that runs f; it returns the timer's handle.
func afterFunc(d Duration, f func()) int

// Stop prevents the Timer from firing; it returns false if the timer has already expired
// or been stopped.
func (t *Timer) Stop() bool {
	if t.id == 0 {
		panic("time: Stop called on uninitialized Timer")
	}
	return t.stop()
}

// Reset changes the timer to expire after duration d.
func (t *Timer) Reset(d Duration) bool {
	if t.id == 0 {
		panic("time: Reset called on uninitialized Timer")
	}
	return t.reset(d)
}

func (t *Timer) stop() bool
func (t *Timer) reset(d Duration) bool

// A Ticker holds a channel that delivers ticks of a clock at intervals.
type Ticker struct {
	C  <-chan Time
	id int
}

// NewTicker returns a new Ticker; it panics if d <= 0.
func NewTicker(d Duration) *Ticker

func (t *Ticker) Stop()

func (t *Ticker) Reset(d Duration)

// A ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// Error returns the string representation of a ParseError.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) +
			": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

// quote returns s in double quotes, with non-ASCII and control bytes as \x escapes.
func quote(s string) string

// Parse parses a formatted string and returns the time value it represents, read against
// layout as Format writes it. A value without a zone is in UTC; "Z" and "UTC" are UTC; an
// offset (and abbreviation) that are Local's give Local (which is UTC, as on Go's
// playground), others a fixed zone of that name and offset; an abbreviation alone that is
// not Local's counts as offset zero (GMT+h as h hours), as Go does for one it does not know.
func Parse(layout, value string) (Time, error) {
	return parseIn(layout, value, UTC, Local)
}

// ParseInLocation is like Parse, but a value without a zone is a time in loc, and a zone
// it names that is loc's (its offset, or its abbreviation) gives the time loc.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parseIn(layout, value, loc, loc)
}

// parseIn parses value as Go's parse does: a value without a zone is a time in
// defaultLoc; an offset or an abbreviation that local has gives the time local, others a
// fixed zone of their own.
func parseIn(layout, value string, defaultLoc, local *Location) (Time, error) {
	sec, nsec, zoneKind, zone, offset, layoutElem, valueElem, message, ok := parse(layout, value)
	if !ok {
		return Time{}, &ParseError{layout, value, layoutElem, valueElem, message}
	}
	t := Time{sec: sec, nsec: nsec}
	if local == nil {
		local = UTC
	}
	switch zoneKind {
	case parsedOffset:
		t.sec -= int64(offset)
		if offset == local.offset && (zone == "" || zone == local.zone) {
			return t.zoned(local), nil
		}
		return t.zoned(FixedZone(zone, offset)), nil
	case parsedName:
		if zone == local.zone {
			t.sec -= int64(local.offset)
			return t.zoned(local), nil
		}
		return t.zoned(FixedZone(zone, offset)), nil
	case parsedNone:
		if defaultLoc == nil {
			panic("time: missing Location in call to Date")
		}
		t.sec -= int64(defaultLoc.offset)
		return t.zoned(defaultLoc), nil
	}
	return t, nil
}

// What a parsed value says of its zone: Z or UTC, an offset (and an abbreviation), an
// abbreviation alone, or nothing.
const (
	parsedUTC = iota
	parsedOffset
	parsedName
	parsedNone
)

// parse returns the time value names, in seconds since the zero Time and nanoseconds, with
// its location (a fixed zone's name and offset), or the parts of its ParseError.
func parse(layout, value string) (sec, nsec int64, loc int, zone string, offset int, layoutElem, valueElem, message string, ok bool)

// ParseDuration parses a duration string such as "300ms", "-1.5h" or "2h45m".
func ParseDuration(s string) (Duration, error) {
	d, msg := parseDuration(s)
	if msg != "" {
		return 0, errors.New(msg)
	}
	return d, nil
}

// parseDuration returns the duration, or Go's error text.
func parseDuration(s string) (Duration, string)
