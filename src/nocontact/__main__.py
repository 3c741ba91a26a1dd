from nocontact.cli import main

main()
