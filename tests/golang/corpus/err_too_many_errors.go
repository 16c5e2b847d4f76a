package main

func main() {
	a1 := undefined1
	a2 := undefined2
	a3 := undefined3
	a4 := undefined4
	a5 := undefined5
	a6 := undefined6
	a7 := undefined7
	a8 := undefined8
	a9 := undefined9
	a10 := undefined10
	a11 := undefined11
	a12 := undefined12
	_, _, _, _, _, _ = a1, a2, a3, a4, a5, a6
	_, _, _, _, _, _ = a7, a8, a9, a10, a11, a12
}
