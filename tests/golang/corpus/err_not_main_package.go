// go run runs a main package only: the go command says so before compiling anything, even
// the error below.
package workers

func main() {
	x := 1
}
